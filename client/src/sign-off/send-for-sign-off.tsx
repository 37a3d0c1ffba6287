import { useCallback, useEffect, useState } from 'react';
import { designSchema } from '../../../common/design/design-schema';
import { ApiError } from '../api/api-error';
import { getDesign, saveDesign } from '../api/designs-api';
import { getSignOff, listSignOffs, sendForSignOff } from '../api/sign-off-api';
import type { Draft } from '../drafts/draft';
import type { DraftUpdater } from '../drafts/use-draft';
import { signOffHash, STATUS_WORDS } from './sign-off-words';
import './sign-off.css';

/** JSON with object keys sorted, so two equal designs compare equal whatever order their fields came in. */
function sameDesign(a: unknown, b: unknown): boolean {
  const sorted = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, sorted(x)])) : Array.isArray(v) ? v.map(sorted) : v);
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

type Latest = { id: string; version: number; status: keyof typeof STATUS_WORDS; comment: string } | null;

/**
 * In the editor's header: "Send for sign-off", and where the design's newest request stands (waiting,
 * returned with the agent's comment, approved). Sending saves the draft for the organisation first when
 * it differs from the saved design, so what the agent sees is a frozen version; an unchanged design is
 * sent as the version already saved.
 */
export function SendForSignOff({ draft, update }: { draft: Draft; update: DraftUpdater }) {
  const [latest, setLatest] = useState<Latest>(null);
  const [state, setState] = useState<{ phase: 'idle' | 'sending' } | { phase: 'failed'; message: string }>({ phase: 'idle' });
  const designId = draft.savedDesignId ?? null;

  const refresh = useCallback(async (id: string | null) => {
    if (!id) return setLatest(null);
    // The editor follows the design sent on its own; a print run's sign-off (with its table) is followed on the Versions screen.
    const [newest] = (await listSignOffs({ designId: id })).filter((r) => r.run === null).sort((a, b) => b.version - a.version);
    if (!newest) return setLatest(null);
    const comment = newest.status === 'returned' ? ((await getSignOff(newest.id)).history.filter((t) => t.to === 'returned').at(-1)?.comment ?? '') : '';
    setLatest({ id: newest.id, version: newest.version, status: newest.status, comment });
  }, []);
  useEffect(() => {
    refresh(designId).catch(() => undefined);
  }, [designId, refresh]);

  const send = async () => {
    setState({ phase: 'sending' });
    try {
      const parsed = designSchema.safeParse(draft.design);
      if (!parsed.success) throw new ApiError(400, 'invalid_request', 'fix the problems shown first');
      const current = designId ? await getDesign(designId) : null;
      const saved = current && sameDesign(current.design, parsed.data) ? current : await saveDesign(draft.design, designId);
      if (saved.id !== designId) update((d) => ({ ...d, savedDesignId: saved.id }));
      await sendForSignOff(saved.id, saved.version);
      await refresh(saved.id);
      setState({ phase: 'idle' });
    } catch (err) {
      const message = err instanceof ApiError && err.status === 400 ? 'fix the problems shown first' : err instanceof ApiError ? err.message : 'the server could not be reached';
      setState({ phase: 'failed', message });
    }
  };

  return (
    <span className="sign-off-editor">
      <button type="button" className="button-quiet header-button" onClick={() => void send()} disabled={state.phase === 'sending'}>
        Send for sign-off
      </button>
      <span role="status" className="save-state" data-sign-off-status={latest?.status ?? 'none'}>
        {state.phase === 'failed' ? (
          `Not sent: ${state.message}`
        ) : state.phase === 'sending' ? (
          'Sending…'
        ) : latest ? (
          <>
            <a href={signOffHash(latest.id)}>
              Version {latest.version}: {STATUS_WORDS[latest.status]}
            </a>
            {latest.comment ? <> — “{latest.comment}”</> : null}
          </>
        ) : (
          ''
        )}
      </span>
    </span>
  );
}
