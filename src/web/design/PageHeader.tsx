import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1, and the document title. The h1 takes focus after a
 * client-side navigation (see Layout) so screen readers start at the new page.
 */
export function PageHeader({
  title,
  lead,
  eyebrow,
  documentTitle,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  eyebrow?: ReactNode;
  /** Defaults to the title when it is plain text. */
  documentTitle?: string;
  children?: ReactNode;
}) {
  const pageTitle = documentTitle ?? (typeof title === 'string' ? title : undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  // A page that waited for its data: Layout found no title after the navigation and
  // focused the main region, so the title takes focus now that it is here.
  useEffect(() => {
    if (document.activeElement === document.getElementById('main')) heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · Hearth` : 'Hearth';
  }, [pageTitle]);
  return (
    <header className="page-header">
      {eyebrow ? <p className="page-header__eyebrow">{eyebrow}</p> : null}
      <h1 ref={heading} className="page-header__title" tabIndex={-1} data-page-title="">
        {title}
      </h1>
      {lead ? <div className="page-header__lead">{lead}</div> : null}
      {children}
    </header>
  );
}
