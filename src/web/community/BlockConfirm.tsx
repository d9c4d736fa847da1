import { ConfirmPanel } from '../design/index.js';
import { useBlockMember } from './thread-mutations.js';

/** "Block lee?": what it does, said before it happens. The blocked member is not told. */
export function BlockConfirm({ handle, onBlocked, onCancel }: { handle: string; onBlocked(): void; onCancel(): void }) {
  const block = useBlockMember();
  return (
    <ConfirmPanel
      title={`Block ${handle}?`}
      confirmLabel={`Block ${handle}`}
      busyLabel="Blocking…"
      busy={block.isPending}
      danger
      onConfirm={() => block.mutate(handle, { onSuccess: onBlocked })}
      onCancel={onCancel}
    >
      <p>
        You will no longer see each other’s posts and replies under your handles, and you cannot reply to each other
        there. They are not told. You can unblock them any time in Settings.
      </p>
      <p>
        Anonymous posts and replies stay visible, whoever wrote them, so that nobody can tell who wrote them. To stop
        seeing an anonymous thread, mute the thread.
      </p>
      {block.isError ? <p className="field__error">{block.error.message}</p> : null}
    </ConfirmPanel>
  );
}
