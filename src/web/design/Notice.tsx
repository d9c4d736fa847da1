import type { ReactNode, Ref } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

const ICONS: Record<NoticeTone, string> = { info: 'i', success: '✓', warning: '!', danger: '!' };

/**
 * A message in the flow of the page. `live="alert"` interrupts (errors a person
 * must act on), `live="status"` is announced politely (saved, signed out);
 * without `live` it is plain content.
 */
export function Notice({
  tone = 'info',
  title,
  live,
  children,
  className,
  id,
  ref,
  tabIndex,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  live?: 'alert' | 'status';
  children?: ReactNode;
  className?: string;
  id?: string;
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
}) {
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={tabIndex}
      role={live}
      className={['notice', `notice--${tone}`, className ?? ''].filter(Boolean).join(' ')}
    >
      <span className="notice__icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div className="notice__body">
        {title ? <p className="notice__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** An error that stays in the page's reading order and is announced when it appears. */
export function Alert(props: Omit<Parameters<typeof Notice>[0], 'live' | 'tone'> & { tone?: NoticeTone }) {
  return <Notice tone="danger" {...props} live="alert" />;
}
