import { useId, useState } from 'react';
import './copy-field.css';

/** A read-only address with a Copy button (where the clipboard is refused, the field is there to copy by hand). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      document.getElementById(id)?.focus();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <span className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          Copy
        </button>
      </span>
      <span role="status" className="share-status">
        {copied ? 'Copied.' : null}
      </span>
    </div>
  );
}
