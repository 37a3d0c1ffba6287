import { useId, type ChangeEvent } from 'react';
import { fieldId } from './format-path';
import { useProblemsAt } from './problems-context';

interface TextFieldProps {
  /** Path of the value in the design: names the control's id and finds its problems. */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Rows for a multi-line field; a single-line input when absent. */
  rows?: number;
  type?: 'text' | 'url';
  hint?: string;
  autoComplete?: string;
  required?: boolean;
}

/** A labelled text input or text area, with its hint and problems announced with it. */
export function TextField({ path, label, value, onChange, rows, type = 'text', hint, autoComplete, required }: TextFieldProps) {
  const id = fieldId(path);
  const uid = useId();
  const problems = useProblemsAt(path);
  const hintId = hint ? `${uid}-hint` : undefined;
  const problemIds = problems.map((_, i) => `${uid}-problem-${i}`);
  const describedBy = [hintId, ...problemIds].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-describedby': describedBy,
    required,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type={type} autoComplete={autoComplete ?? 'off'} />}
      {problems.map((p, i) => (
        <p key={i} id={problemIds[i]} className="field-problem">
          {p.message}
        </p>
      ))}
    </div>
  );
}
