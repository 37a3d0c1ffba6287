import { useId, type ReactNode } from 'react';

/** A labelled input with its problem (from the server's field errors) said under it and tied to it. */
export function Field({ label, problem, hint, children }: { label: string; problem?: string; hint?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ id, ...(problem && { 'aria-invalid': true as const }), ...(described && { 'aria-describedby': described }) })}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The server's field problems by path, with the first message for each. */
export function problemsByPath(fields: ReadonlyArray<{ path: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.path] ??= f.message;
  return out;
}
