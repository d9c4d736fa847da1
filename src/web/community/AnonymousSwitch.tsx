import { SwitchField } from '../design/index.js';

/**
 * "Post anonymously", with what it means here: an alias per thread, seen by
 * everyone including the author; only the safety team can look behind it, and
 * every look is logged (DESIGN.md "Anonymity").
 */
export function AnonymousSwitch({
  id,
  label,
  checked,
  onChange,
  warnAboutHandle = false,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** The member posted this thread anonymously: replying under their handle would link the two. */
  warnAboutHandle?: boolean;
}) {
  return (
    <SwitchField
      id={id}
      label={label}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
      hint={
        <>
          <p>
            When this is on, other members see an alias for this thread, like “Quiet Heron”, instead of your handle.
            Only Hearth’s safety team can see who wrote it, and every time they look it is recorded.
          </p>
          {warnAboutHandle && !checked ? (
            <p className="anonymous-switch__warning">
              You posted this thread anonymously. Replying under your handle will show it beside your anonymous post.
            </p>
          ) : null}
        </>
      }
    />
  );
}
