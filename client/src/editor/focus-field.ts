import { fieldId } from './format-path';

/**
 * Moves focus to the control that edits the value at `path`, or failing that to the first control of
 * the nearest enclosing value that has one (a list's first item, an element's first field), and scrolls
 * it into view. Returns whether a control was found.
 */
export function focusField(path: string): boolean {
  let p = path;
  for (;;) {
    const id = fieldId(p);
    const el = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${id}-"]`);
    const target = el && (el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, select, button'));
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
      return true;
    }
    const parent = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (!parent || parent === p) return false;
    p = parent;
  }
}
