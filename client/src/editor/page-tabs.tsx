import { pageName } from './element-label';

interface PageTabsProps {
  pageCount: number;
  current: number;
  /** Problems on each page, shown as a count so none hides on the side not being looked at. */
  problemCounts: number[];
  onSelect: (page: number) => void;
}

/** Switches between the front and the back (nothing to switch on a single-sided design). */
export function PageTabs({ pageCount, current, problemCounts, onSelect }: PageTabsProps) {
  if (pageCount < 2) return null;
  return (
    <div className="page-tabs" role="group" aria-label="Side to show and edit">
      {Array.from({ length: pageCount }, (_, i) => (
        <button key={i} type="button" className="page-tab" aria-pressed={i === current} onClick={() => onSelect(i)}>
          {pageName(i, pageCount)}
          {problemCounts[i] ? <span className="tab-badge"> ({problemCounts[i]} to fix)</span> : null}
        </button>
      ))}
    </div>
  );
}
