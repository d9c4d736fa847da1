import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';

export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" className="brand__mark-bg" />
      <path d="M16 6c3 4 7 7 7 12a7 7 0 0 1-14 0c0-3 2-5 3-6 0 3 1 4 2 4 0-4 1-7 2-10z" className="brand__mark-flame" />
    </svg>
  );
}

/** The "Get help now" link: in the header and the footer of every page, signed in or out. */
export function HelpNowLink({ className }: { className?: string }) {
  return (
    <NavLink to="/help" className={['help-now', className ?? ''].filter(Boolean).join(' ')}>
      <span className="help-now__dot" aria-hidden="true" />
      Get help now
    </NavLink>
  );
}

/**
 * The page frame: a skip link, the header with navigation, the main region and
 * the footer. After a client-side navigation focus moves to the new page's h1,
 * as a full page load would put a screen reader at the top; a page may instead
 * name what matters more on arrival with `data-arrival-focus` (a support card
 * shown after posting, say).
 */
export function Layout({
  homeHref,
  nav,
  footer,
  children,
}: {
  homeHref: string;
  nav: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const arrival = document.querySelector<HTMLElement>('#main [data-arrival-focus]');
    if (arrival) {
      arrival.focus();
      return;
    }
    const titles = document.querySelectorAll<HTMLElement>('#main [data-page-title]');
    const title = titles[titles.length - 1];
    (title ?? document.getElementById('main'))?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={homeHref} className="brand">
            <BrandMark />
            <span className="brand__name">Hearth</span>
          </Link>
          <HelpNowLink className="site-header__help" />
          <nav className="site-nav" aria-label="Main">
            {nav}
          </nav>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p className="site-footer__help">
            In danger or thinking about ending your life? <HelpNowLink />
          </p>
          <p>
            Hearth is peer support from people who have been there. It is not an emergency service and not a replacement
            for therapy or medical care.
          </p>
          {footer}
        </div>
      </footer>
    </div>
  );
}
