import type { MyReveal } from '../../shared/api/moderation-staff.js';
import { Notice } from '../design/index.js';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

/** On the author's own anonymous post or reply: staff saw that they wrote it, when and why. Never who looked. */
export function RevealedNotice({ contentType, reveal }: { contentType: 'post' | 'reply'; reveal: MyReveal }) {
  return (
    <Notice tone="info" className="revealed-notice" title={`Staff saw that you wrote this ${contentType}`}>
      <p>
        On <time dateTime={reveal.at}>{when.format(new Date(reveal.at))}</time> a member of Hearth’s staff looked behind
        your alias. The reason they recorded: “{reveal.reason}”
      </p>
      <p>Everyone else still sees only your alias. Every look like this is recorded, and admins read that record.</p>
    </Notice>
  );
}
