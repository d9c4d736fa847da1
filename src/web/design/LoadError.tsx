import { Button } from './Button.js';
import { Alert } from './Notice.js';

/** A query that failed: what failed, the server's reason, and a way to try again. */
export function LoadError({ title, error, onRetry }: { title: string; error: Error; onRetry: () => unknown }) {
  return (
    <Alert title={title}>
      <p>{error.message}</p>
      <Button variant="secondary" onClick={() => void onRetry()}>
        Try again
      </Button>
    </Alert>
  );
}
