import { sessionHeaders, type DrillSession } from './drill-accounts';
import { DRILL_CONFIRM, type TrafficFixtures } from './traffic-classes';

/**
 * The imprint the drill's leaflets carry: Rosette never prints a template's sample imprint, so the drill
 * fills in one, as a campaigner must.
 */
const DRILL_IMPRINT = { printer: { name: 'Drill Print Works', address: '1 Dock Street, Cardiff CF10 5AB' }, promoter: { name: 'Jo Bloggs', address: '5 New Street, Riverside RV1 1AA' } };

/** How long the warm-up print jobs may take, milliseconds. */
const WARM_UP_TIMEOUT_MS = 30_000;

/**
 * What the traffic is made of, gathered through the public API before the flood: every template's
 * design (campaigners send these with new titles), and one finished PDF per template (volunteers
 * download these), printed by sending each template once, as the first campaigner, and waiting for
 * the workers.
 */
export async function gatherFixtures(serverUrl: string, tag: string, sessions: DrillSession[]): Promise<TrafficFixtures> {
  const session = sessions[0];
  const list = (await getJson(`${serverUrl}/api/templates`)) as { templates: Array<{ id: string }> };
  const designs: TrafficFixtures['designs'] = [];
  for (const { id } of list.templates) {
    const { design } = (await getJson(`${serverUrl}/api/templates/${id}`)) as { design: TrafficFixtures['designs'][number] };
    designs.push({ ...design, imprint: DRILL_IMPRINT });
  }
  const statusUrls: string[] = [];
  for (const design of designs) {
    const res = await fetch(`${serverUrl}/api/print-jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...sessionHeaders(session) },
      body: JSON.stringify({ design: { ...design, title: `Drill ${tag} warm-up: ${design.title}` }, copies: 100, confirm: DRILL_CONFIRM }),
    });
    if (res.status !== 202) throw new Error(`the warm-up print job was refused with ${res.status}: ${await res.text()}`);
    statusUrls.push(((await res.json()) as { statusUrl: string }).statusUrl);
  }
  const downloads: string[] = [];
  const deadline = Date.now() + WARM_UP_TIMEOUT_MS;
  for (const statusUrl of statusUrls) {
    for (;;) {
      const job = (await getJson(`${serverUrl}${statusUrl}`, session)) as { status: string; download: { url: string } | null };
      if (job.status === 'done' && job.download) {
        downloads.push(job.download.url);
        break;
      }
      if (job.status === 'failed') throw new Error(`a warm-up print job failed: ${JSON.stringify(job)}`);
      if (Date.now() > deadline) throw new Error(`the warm-up print jobs were not done within ${WARM_UP_TIMEOUT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { designs, downloads, sessions };
}

async function getJson(url: string, session?: DrillSession): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json', ...(session ? { cookie: session.cookie } : {}) } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}
