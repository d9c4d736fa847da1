import { Link } from 'react-router';
import { Dropdown, VisuallyHidden } from '../design/index.js';

export interface ContentMenuItem {
  label: string;
  /** A page to go to (Edit), or an action to start (Remove, Block). */
  to?: string;
  onSelect?: () => void;
  danger?: boolean;
}

/** "More" beside a post or reply: edit and remove your own words, block someone else. */
export function ContentMenu({ subject, items }: { subject: string; items: ContentMenuItem[] }) {
  if (items.length === 0) return null;
  return (
    <Dropdown
      label={
        <>
          More<VisuallyHidden> options for {subject}</VisuallyHidden>
        </>
      }
      buttonClassName="button button--quiet content-menu__button"
    >
      {(close) => (
        <ul className="dropdown__list">
          {items.map((item) => {
            const className = `dropdown__item${item.danger ? ' dropdown__item--danger' : ''}`;
            return (
              <li key={item.label}>
                {item.to ? (
                  <Link to={item.to} className={className}>
                    {item.label}
                  </Link>
                ) : (
                  <button
                    type="button"
                    className={className}
                    onClick={() => {
                      close();
                      item.onSelect?.();
                    }}
                  >
                    {item.label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Dropdown>
  );
}
