/**
 * Formats a path such as ['pages', 0, 'elements', 1, 'text'] as `pages[0].elements[1].text`, the way
 * the server names fields in its errors (server/http/app-error.ts), so both can be matched to one field.
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** The id of the form control that edits the value at a path, so a problem can link to its field. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`;
}
