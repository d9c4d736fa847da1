import { useState } from 'react';
import { Button } from '../design/index.js';

export function recoveryCodesText(handle: string, codes: string[], now = new Date()): string {
  const created = now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return [
    `Hearth recovery codes for ${handle}`,
    `Made on ${created}, at ${location.origin}`,
    '',
    'If you forget your password, each code lets you set a new one once.',
    'Keep them somewhere safe and private, like a password manager.',
    '',
    ...codes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
  ].join('\n');
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only a handle to the text.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Recovery codes, shown once: a list to read, a copy button and a download. */
export function RecoveryCodeList({ handle, codes }: { handle: string; codes: string[] }) {
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryCodesText(handle, codes));
      setStatus('Copied. Paste them somewhere safe, like a password manager.');
    } catch {
      setStatus('Your browser did not let us copy. Please download the codes, or select them and copy them yourself.');
    }
  };

  return (
    <div className="recovery-codes">
      <ol className="recovery-codes__list" aria-label="Your recovery codes">
        {codes.map((code) => (
          <li key={code} className="recovery-codes__code">
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="cluster">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            download(`hearth-recovery-codes-${handle}.txt`, recoveryCodesText(handle, codes));
            setStatus('Downloaded as a text file. Keep it somewhere private.');
          }}
        >
          Download as text
        </Button>
      </div>
      <p className="recovery-codes__status" role="status">
        {status}
      </p>
    </div>
  );
}
