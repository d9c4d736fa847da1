import type { HTMLAttributes, ReactNode } from 'react';

type CardElement = 'section' | 'div' | 'article' | 'aside' | 'li';

export function Card({
  as: Element = 'section',
  tone = 'plain',
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & { as?: CardElement; tone?: 'plain' | 'muted' | 'urgent'; children: ReactNode }) {
  return (
    <Element {...rest} className={['card', `card--${tone}`, className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </Element>
  );
}
