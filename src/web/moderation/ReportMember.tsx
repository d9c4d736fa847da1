import { useRef, useState } from 'react';
import { buttonClass } from '../design/index.js';
import { ReportDialog } from './ReportDialog.js';

/** "Report @handle" on a member's profile: the same report dialog, about the member. */
export function ReportMemberButton({ handle }: { handle: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="report-member">
      {open ? (
        <ReportDialog
          targetType="member"
          targetHandle={handle}
          subject={`@${handle}`}
          onClose={() => {
            setOpen(false);
            // Back to where the member was: the button that opened it.
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      ) : (
        <button ref={button} type="button" className={buttonClass('quiet')} onClick={() => setOpen(true)}>
          Report @{handle}
        </button>
      )}
    </div>
  );
}
