import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Views of one page as a row of links (each view has its own address, so the
 * back button and a reload keep it). The current one says aria-current.
 */
export function SegmentedLinks({
  label,
  items,
}: {
  label: string;
  items: readonly { to: string; label: ReactNode; current: boolean }[];
}) {
  return (
    <nav className="segmented" aria-label={label}>
      <ul className="segmented__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              replace
              className="segmented__item"
              aria-current={item.current ? 'page' : undefined}
              preventScrollReset
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
