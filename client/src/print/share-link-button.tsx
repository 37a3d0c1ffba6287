import { useId, useState } from 'react';

/** Copies the PDF's address for volunteers; where the clipboard is not allowed, shows the link to copy by hand. */
export function ShareLinkButton({ url }: { url: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'manual'>('no');
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('manual');
    }
  };
  return (
    <div className="share-link">
      <button type="button" className="button-secondary" onClick={copy}>
        Copy share link
      </button>
      <span role="status" className="share-status">
        {copied === 'yes' ? 'Link copied: paste it into a message to your volunteers.' : null}
      </span>
      {copied === 'manual' ? (
        <div className="field">
          <label htmlFor={id}>Copy this link to share the PDF</label>
          <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
    </div>
  );
}
