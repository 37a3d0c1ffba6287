import { formatUkDateTime } from '../admin/london-time';
import { memberLabel } from '../session/member-label';

/** Who sent a print ("You" or "Another member", never a name) and when, in UK time: the first facts of a history entry. */
export function SentFacts({ sentByYou, sentAt }: { sentByYou: boolean; sentAt: string }) {
  return (
    <>
      <div>
        <dt>Sent by</dt>
        <dd>{memberLabel(sentByYou)}</dd>
      </div>
      <div>
        <dt>Sent</dt>
        <dd>{formatUkDateTime(sentAt)}</dd>
      </div>
    </>
  );
}
