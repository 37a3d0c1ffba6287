import { useId } from 'react';
import { fieldId } from './format-path';

/** Languages a leaflet is commonly written in here, as BCP 47 tags; a design sent with another keeps it. */
const LANGUAGES: ReadonlyArray<[string, string]> = [
  ['en-GB', 'English'],
  ['cy-GB', 'Cymraeg (Welsh)'],
  ['gd-GB', 'Gàidhlig (Scottish Gaelic)'],
  ['pl-PL', 'Polski (Polish)'],
  ['uk-UA', 'Українська (Ukrainian)'],
  ['el-GR', 'Ελληνικά (Greek)'],
];

/**
 * The language of the leaflet's words: it goes into the PDF (its /Lang), so a screen reader reading the
 * digital version pronounces them right. For a bilingual leaflet, choose the language of most of the text.
 */
export function LanguageField({ value, onChange }: { value: string | undefined; onChange: (language: string) => void }) {
  const hintId = useId();
  const current = value ?? 'en-GB';
  const options = LANGUAGES.some(([tag]) => tag === current) ? LANGUAGES : [[current, current] as [string, string], ...LANGUAGES];
  return (
    <div className="field">
      <label htmlFor={fieldId('language')}>Language of the words</label>
      <p id={hintId} className="field-hint">
        Screen readers use it to read the PDF aloud.
      </p>
      <select id={fieldId('language')} aria-describedby={hintId} value={current} onChange={(e) => onChange(e.target.value)}>
        {options.map(([tag, name]) => (
          <option key={tag} value={tag}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
