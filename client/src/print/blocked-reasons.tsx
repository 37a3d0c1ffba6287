import type { DesignInput } from '../../../common/design/design-schema';
import { describePath } from '../editor/describe-path';
import type { Problem } from '../editor/problem';

/** Most reasons listed by the Send button; the rest are marked at their fields. */
const MAX_LISTED = 8;

/** Why Send to print is blocked: each reason links to the field to fix. */
export function BlockedReasons({ design, problems, onSelect }: { design: DesignInput; problems: readonly Problem[]; onSelect: (path: string) => void }) {
  return (
    <div id="send-reasons" className="send-reasons" tabIndex={-1}>
      <p>
        {problems.length === 1 ? 'One thing to fix' : `${problems.length} things to fix`} before this can be printed:
      </p>
      <ul>
        {problems.slice(0, MAX_LISTED).map((p, i) => (
          <li key={i}>
            <button type="button" className="link-button" onClick={() => onSelect(p.path)}>
              {describePath(design, p.path)}: {p.message}
            </button>
          </li>
        ))}
      </ul>
      {problems.length > MAX_LISTED ? <p>…and {problems.length - MAX_LISTED} more, marked at their fields.</p> : null}
    </div>
  );
}
