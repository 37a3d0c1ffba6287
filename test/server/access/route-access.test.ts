import sharp from 'sharp';
import { CALM } from '../../support/calm-probes';
import { failedPrintJob } from '../../support/failed-print-job';
import { startRosette, waitForJob, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { listRoutes } from '../../support/route-list';
import { TestClient, type TestAccount } from '../../support/test-client';
import { patient, waitForValue } from '../../support/wait-for';
import { addDays, londonDate } from '../../../common/orders/needed-by';
import { printJobBody, REAL_IMPRINT, withRealImprint } from '../../support/real-imprint';

/**
 * Who asks. `owner` is a campaigner of the organisation that owns the design, job and share link
 * under test (the positive control); `outsider` a campaigner of another organisation; `admin` an
 * admin of a third; `disabled` an account disabled after it signed in; `volunteer` someone with no
 * account who holds the share link; `anonymous` someone with neither.
 */
const ACTORS = ['anonymous', 'volunteer', 'disabled', 'outsider', 'admin', 'owner'] as const;
type Actor = (typeof ACTORS)[number];

/** Statuses by actor; a number for every actor, so the table says exactly what each may do. */
type Expected = Record<Actor, number>;
const all = (status: number): Expected => ({ anonymous: status, volunteer: status, disabled: status, outsider: status, admin: status, owner: status });
/** Signed-in accounts may, anyone else gets 401. */
const members = (status: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: status, admin: status, owner: status });
/** Only the owning organisation may; other accounts are told it does not exist (404). */
const ownOrg = (status: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 404, admin: 404, owner: status });
/** The owning organisation and admins (who run the site) may; other accounts are told it does not exist (404). */
const ownOrgOrAdmin = (status: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 404, admin: status, owner: status });
/** Only admins may (403 for other accounts). */
const admins = (status: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 403, admin: status, owner: 403 });
/** Only an agent of the owning organisation may (none of these actors is one: campaigners and admins get 403, whatever the request). */
const agents = (): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 403, admin: 403, owner: 403 });
/**
 * Only an agent of the owning organisation, or an admin, may: campaigners get 403 whatever the request;
 * an admin (of another organisation here) is told the record does not exist, `adminStatus`.
 */
const agentsOrAdmin = (adminStatus: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 403, admin: adminStatus, owner: 403 });
/** A printer the route table's designs' imprint names (withRealImprint). */
const PRINTER = { name: REAL_IMPRINT.printer.name, address: REAL_IMPRINT.printer.address, email: 'orders@riverside-print.example.org', prices: [] };
/** Placing an order names the election its spending is for, all of it to the fixture's candidate. */
const placeBody = (f: Pick<Fixture, 'spending'>) => ({ spending: { electionId: f.spending.electionId, split: { by: 'percent', parts: [{ candidateId: f.spending.candidateId, percent: 100 }] } } });
const orderBody = (f: Fixture) => ({ designId: f.unsentDesignId, version: 1, printerId: f.printerId, quantity: 1000, stock: '130gsm gloss', deliveryAddress: '5 New Street', neededBy: addDays(londonDate(Date.now()), 3), price: { source: 'quote', pricePence: 5000, vatPence: 833 } });
/** Only an agent of the owning organisation or an admin may: the owner, a campaigner, gets 403; another organisation, 404. */
const spendingAgentsOrAdmin = (status: number): Expected => ({ anonymous: 401, volunteer: 401, disabled: 401, outsider: 404, admin: status, owner: 403 });
/** Only the share link's holder may. */
const holder = (status: number): Expected => ({ anonymous: 404, volunteer: status, disabled: 404, outsider: 404, admin: 404, owner: 404 });

/** A variant table of the A5 flyer: the ward goes into its "Vote on ..." line. */
const VARIANTS = { fields: [{ key: 'ward', label: 'Ward', page: 0, elementId: 'vote' }], rows: [{ ward: 'Vote in Abbey' }, { ward: 'Vote in Castle' }] };

interface Fixture {
  owner: TestAccount;
  design: Record<string, any>;
  designId: string;
  jobId: string;
  pdfName: string;
  assetId: string;
  token: string;
  png: Uint8Array;
  ownerClient: TestClient;
  freshDesignId(): Promise<string>;
  /** A saved design with a variant table. */
  freshDesignWithVariants(): Promise<string>;
  /** A saved design with a variant table (its saving is in the audit log, which admins read: so not designId). */
  variantsDesignId: string;
  freshLinkId(): Promise<string>;
  freshAccountId(): Promise<string>;
  /** A sign-off request of the owner's organisation, waiting for its agent. */
  signOffId: string;
  /** One its agent returned, which the owner may send again (once). */
  returnedSignOffId: string;
  /** A saved design not yet sent for sign-off (version 1 is sent once, by the owner). */
  unsentDesignId: string;
  /** A print job the worker failed (for the admin's retry and remove). */
  freshFailedJobId(): Promise<string>;
  /** A printable design of the owner's organisation with a variant table, and a print run of it. */
  runDesignId: string;
  runId: string;
  /** A printer of the owner's organisation (the one its designs' imprint names). */
  printerId: string;
  /** A template the owner's organisation's agent published. */
  templateId: string;
  /** A draft print order of the owner's organisation. */
  orderId: string;
  /** A placed order of the owner's organisation, with an invoice. */
  invoicedOrderId: string;
  /** The owner's organisation's spending: an election, a candidate, an entry with its invoice, a fresh entry without one. */
  spending: { base: string; electionId: string; candidateId: string; entryId: string; invoiceId: string; pdf: Uint8Array; freshEntryId(): Promise<string> };
}

interface RouteCase {
  expected: Expected;
  /** Route parameters (for this actor); fresh resources for requests that destroy one. */
  params?: (f: Fixture, actor: Actor) => Promise<Record<string, string>> | Record<string, string>;
  body?: (f: Fixture) => { json?: unknown; body?: Uint8Array; headers?: Record<string, string> };
}

/**
 * EVERY route of the app, and what each actor gets. A route the app has and this table lacks fails
 * the test (so a new route cannot be forgotten), and so does an entry for a route that is gone.
 */
/** Counts the unknown addresses the sign-in route is tried with. */
let unknownAddresses = 0;

const ACCESS: Record<string, RouteCase> = {
  'GET /healthz': { expected: all(200) },
  'GET /readyz': { expected: all(200) },
  'GET /api/templates': { expected: all(200) },
  'GET /api/service-status': { expected: all(200) },
  'GET /api/templates/:id': { expected: all(200), params: () => ({ id: 'a5-flyer' }) },
  // Content-addressed: the 256-bit hash in the URL is the capability (see docs/security.md, "Downloads: who can fetch a PDF").
  'GET /downloads/:name': { expected: all(200), params: (f) => ({ name: f.pdfName }) },
  'GET /api/assets/:id': { expected: all(200), params: (f) => ({ id: f.assetId }) },
  'GET /api/assets/:id/screen': { expected: all(200), params: (f) => ({ id: f.assetId }) },
  'POST /api/assets': { expected: members(201), body: (f) => ({ body: f.png, headers: { 'Content-Type': 'image/png' } }) },

  // A different unknown address each time: one address's wrong passwords are throttled after a few (sign-in-throttle.ts).
  'POST /api/session': { expected: all(401), body: () => ({ json: { email: `nobody-${++unknownAddresses}@example.org`, password: 'not the password 1' } }) },
  'GET /api/session': { expected: all(200) },
  'DELETE /api/session': { expected: members(204) },
  'POST /api/invites/accept': { expected: all(404), body: () => ({ json: { token: 'A'.repeat(43), password: 'a long enough new password' } }) },

  'GET /api/admin/accounts': { expected: admins(200) },
  'POST /api/admin/accounts': { expected: admins(201), body: () => ({ json: { email: `invitee-${Math.random().toString(36).slice(2)}@example.org`, organisation: 'Hillside Greens' } }) },
  'POST /api/admin/accounts/:id/disable': { expected: admins(200), params: async (f) => ({ id: await f.freshAccountId() }) },
  'POST /api/admin/accounts/:id/reset-access': { expected: admins(200), params: async (f) => ({ id: await f.freshAccountId() }) },
  'GET /api/admin/audit': { expected: admins(200) },
  'GET /api/admin/organisations': { expected: admins(200) },
  // Admins run the site: any organisation's links (when made, by whom, until when; never the leaflet or job).
  'GET /api/admin/organisations/:orgId/share-links': { expected: admins(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'DELETE /api/admin/organisations/:orgId/share-links/:linkId': { expected: admins(204), params: async (f, actor) => ({ orgId: f.owner.orgId, linkId: actor === 'admin' ? await f.freshLinkId() : 'a'.repeat(32) }) },
  'GET /api/admin/status': { expected: admins(200) },
  'GET /api/admin/telemetry': { expected: admins(200) },
  'POST /api/admin/maintenance': { expected: admins(200), body: () => ({ json: { mode: 'auto', reason: 'access test' } }) },
  'GET /api/admin/queue': { expected: admins(200) },
  // Pause comes just before resume in the walk (routes are sorted by path), so printing is paused only briefly.
  'POST /api/admin/queue/pause': { expected: admins(200) },
  'POST /api/admin/queue/resume': { expected: admins(200) },
  'POST /api/admin/queue/failed/retry-all': { expected: admins(200) },
  'POST /api/admin/queue/failed/:id/retry': { expected: admins(200), params: async (f, actor) => ({ id: actor === 'admin' ? await f.freshFailedJobId() : 'a'.repeat(32) }) },
  'DELETE /api/admin/queue/failed/:id': { expected: admins(200), params: async (f, actor) => ({ id: actor === 'admin' ? await f.freshFailedJobId() : 'a'.repeat(32) }) },

  // The organisation's own legal imprint, which new designs start from.
  'GET /api/organisations/:orgId/imprint': { expected: ownOrgOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'PUT /api/organisations/:orgId/imprint': { expected: ownOrgOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }), body: () => ({ json: { imprint: REAL_IMPRINT } }) },

  // The organisation tree (issue 16): admins only.
  'GET /api/admin/organisation-tree': { expected: admins(200) },
  'PUT /api/admin/organisations/:orgId/parent': { expected: admins(200), params: (f) => ({ orgId: f.owner.orgId }), body: () => ({ json: { parentId: null } }) },
  // Published templates: seen by the publishing organisation and those below it (none of the others here); published by its agents.
  'GET /api/published-templates': { expected: members(200) },
  'GET /api/published-templates/:id': { expected: ownOrg(200), params: (f) => ({ id: f.templateId }) },
  'GET /api/published-templates/:id/versions': { expected: ownOrg(200), params: (f) => ({ id: f.templateId }) },
  'POST /api/published-templates': { expected: agentsOrAdmin(404), body: (f) => ({ json: { designId: f.designId, locked: ['band'] } }) },
  // Brand kits: the organisation's accounts read, its agents (none of these actors) and admins set.
  'GET /api/organisations/:orgId/brand-kit': { expected: ownOrgOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'PUT /api/organisations/:orgId/brand-kit': { expected: { anonymous: 401, volunteer: 401, disabled: 401, outsider: 404, admin: 200, owner: 403 }, params: (f) => ({ orgId: f.owner.orgId }), body: () => ({ json: { colours: [{ name: 'Riverside red', colour: 'cmyk(0, 100, 80, 0)' }] } }) },

  'POST /api/admin/accounts/:id/role': { expected: admins(200), params: async (f) => ({ id: await f.freshAccountId() }), body: () => ({ json: { role: 'agent' } }) },

  // Sign-off: the organisation's accounts send and follow; its agents decide; its agents or an admin set whether it is required.
  'POST /api/sign-off-requests': { expected: ownOrg(201), body: (f) => ({ json: { designId: f.unsentDesignId, version: 1 } }) },
  'GET /api/sign-off-requests': { expected: members(200) },
  'GET /api/sign-off-requests/:id': { expected: ownOrg(200), params: (f) => ({ id: f.signOffId }) },
  'POST /api/sign-off-requests/:id/approve': { expected: agents(), params: (f) => ({ id: f.signOffId }), body: () => ({ json: {} }) },
  'POST /api/sign-off-requests/:id/return': { expected: agents(), params: (f) => ({ id: f.signOffId }), body: () => ({ json: { comment: 'Change it' } }) },
  'POST /api/sign-off-requests/:id/resubmit': { expected: ownOrg(200), params: (f) => ({ id: f.returnedSignOffId }), body: () => ({ json: {} }) },
  'GET /api/printers': { expected: members(200) },
  'POST /api/printers': { expected: agentsOrAdmin(201), body: () => ({ json: PRINTER }) },
  'GET /api/printers/:id': { expected: ownOrg(200), params: (f) => ({ id: f.printerId }) },
  'PUT /api/printers/:id': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.printerId }), body: () => ({ json: PRINTER }) },
  'DELETE /api/printers/:id': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.printerId }) },
  'GET /api/print-orders': { expected: members(200) },
  'POST /api/print-orders': { expected: ownOrg(201), body: (f) => ({ json: orderBody(f) }) },
  'GET /api/print-orders/:id': { expected: ownOrg(200), params: (f) => ({ id: f.orderId }) },
  'POST /api/print-orders/:id/place': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.orderId }), body: (f) => ({ json: placeBody(f) }) },
  'POST /api/print-orders/:id/printed': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.orderId }), body: () => ({ json: {} }) },
  'POST /api/print-orders/:id/delivered': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.orderId }), body: () => ({ json: {} }) },
  'POST /api/print-orders/:id/cancel': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.orderId }), body: () => ({ json: {} }) },
  'PUT /api/print-orders/:id/invoice': { expected: agentsOrAdmin(404), params: (f) => ({ id: f.invoicedOrderId }), body: () => ({ body: new Uint8Array(Buffer.from('%PDF-1.4\n')), headers: { 'Content-Type': 'application/pdf' } }) },
  'GET /api/print-orders/:id/invoice': { expected: ownOrg(200), params: (f) => ({ id: f.invoicedOrderId }) },
  'GET /api/organisations/:orgId/sign-off': { expected: ownOrgOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'PUT /api/organisations/:orgId/sign-off': { expected: { anonymous: 401, volunteer: 401, disabled: 401, outsider: 404, admin: 200, owner: 403 }, params: (f) => ({ orgId: f.owner.orgId }), body: () => ({ json: { required: false } }) },

  // The spending ledger: the organisation's accounts read its totals; its agents (none of these actors) and admins keep it.
  'GET /api/organisations/:orgId/spending': { expected: ownOrgOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'POST /api/organisations/:orgId/spending/elections': { expected: spendingAgentsOrAdmin(201), params: (f) => ({ orgId: f.owner.orgId }), body: () => ({ json: { name: 'By-election', pollingDay: '2026-09-01' } }) },
  'POST /api/organisations/:orgId/spending/elections/:electionId/candidates': { expected: spendingAgentsOrAdmin(201), params: (f) => ({ orgId: f.owner.orgId, electionId: f.spending.electionId }), body: () => ({ json: { name: 'Dan Roe' } }) },
  'PUT /api/organisations/:orgId/spending/candidates/:candidateId/limit': { expected: spendingAgentsOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId, candidateId: f.spending.candidateId }), body: () => ({ json: { limitPence: 1_500_000 } }) },
  'GET /api/organisations/:orgId/spending/candidates/:candidateId/return.csv': { expected: spendingAgentsOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId, candidateId: f.spending.candidateId }) },
  'GET /api/organisations/:orgId/spending/candidates/:candidateId/return.pdf': { expected: spendingAgentsOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId, candidateId: f.spending.candidateId }) },
  'GET /api/organisations/:orgId/spending/entries': { expected: spendingAgentsOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId }) },
  'POST /api/organisations/:orgId/spending/entries': { expected: spendingAgentsOrAdmin(201), params: (f) => ({ orgId: f.owner.orgId }), body: (f) => ({ json: spendingEntry(f) }) },
  'POST /api/organisations/:orgId/spending/entries/:entryId/corrections': { expected: spendingAgentsOrAdmin(201), params: async (f, actor) => ({ orgId: f.owner.orgId, entryId: actor === 'admin' ? await f.spending.freshEntryId() : f.spending.entryId }), body: () => ({ json: { reason: 'Never happened' } }) },
  'PUT /api/organisations/:orgId/spending/entries/:entryId/invoice': { expected: spendingAgentsOrAdmin(200), params: async (f, actor) => ({ orgId: f.owner.orgId, entryId: actor === 'admin' ? await f.spending.freshEntryId() : f.spending.entryId }), body: (f) => ({ json: { invoiceId: f.spending.invoiceId } }) },
  'GET /api/organisations/:orgId/spending/entries/:entryId/invoice': { expected: spendingAgentsOrAdmin(200), params: (f) => ({ orgId: f.owner.orgId, entryId: f.spending.entryId }) },
  // An invoice's bytes as the body, checked by content.
  'POST /api/organisations/:orgId/spending/invoices': { expected: spendingAgentsOrAdmin(201), params: (f) => ({ orgId: f.owner.orgId }), body: (f) => ({ body: f.spending.pdf, headers: { 'Content-Type': 'application/pdf' } }) },

  'GET /api/designs': { expected: members(200) },
  'POST /api/designs': { expected: members(201), body: (f) => ({ json: { design: f.design } }) },
  'GET /api/designs/:id': { expected: ownOrg(200), params: (f) => ({ id: f.designId }) },
  'PUT /api/designs/:id': { expected: ownOrg(200), params: (f) => ({ id: f.designId }), body: (f) => ({ json: { design: f.design } }) },
  'PATCH /api/designs/:id': { expected: ownOrg(200), params: (f) => ({ id: f.designId }), body: () => ({ json: { title: 'Renamed' } }) },
  'POST /api/designs/:id/duplicate': { expected: ownOrg(201), params: (f) => ({ id: f.designId }), body: () => ({ json: {} }) },
  'GET /api/designs/:id/versions': { expected: ownOrg(200), params: (f) => ({ id: f.designId }) },
  'GET /api/designs/:id/versions/:version': { expected: ownOrg(200), params: (f) => ({ id: f.designId, version: '1' }) },
  'DELETE /api/designs/:id': { expected: ownOrg(204), params: async (f) => ({ id: await f.freshDesignId() }) },
  'GET /api/designs/:id/variants': { expected: ownOrg(200), params: (f) => ({ id: f.variantsDesignId }) },
  'PUT /api/designs/:id/variants': { expected: ownOrg(200), params: (f) => ({ id: f.variantsDesignId }), body: () => ({ json: VARIANTS }) },
  'DELETE /api/designs/:id/variants': { expected: ownOrg(204), params: async (f) => ({ id: await f.freshDesignWithVariants() }) },
  'POST /api/designs/:id/runs': { expected: ownOrg(202), params: (f) => ({ id: f.runDesignId }), body: () => ({ json: { confirm: { unchangedTemplateText: true } } }) },
  'GET /api/runs/:id': { expected: ownOrg(200), params: (f) => ({ id: f.runId }) },
  'GET /api/runs/:id/zip': { expected: ownOrg(200), params: (f) => ({ id: f.runId }) },
  // The fixture's run has no failed version: the owner is let through, and told there is nothing to retry.
  'POST /api/runs/:id/variants/:n/retry': { expected: ownOrg(409), params: (f) => ({ id: f.runId, n: '0' }), body: () => ({ json: {} }) },
  'POST /api/runs/:id/retry': { expected: ownOrg(409), params: (f) => ({ id: f.runId }), body: () => ({ json: {} }) },
  // A run's sign-off (its version with its table) and its one order: any account of the organisation sends or drafts (the fixture's organisation does not require sign-off).
  'POST /api/runs/:id/sign-off': { expected: ownOrg(201), params: (f) => ({ id: f.runId }), body: () => ({ json: {} }) },
  'POST /api/runs/:id/orders': { expected: ownOrg(201), params: (f) => ({ id: f.runId }), body: (f) => ({ json: { printerId: f.printerId, quantity: 1000, stock: '130gsm gloss', deliveryAddress: '5 New Street', neededBy: addDays(londonDate(Date.now()), 3), price: { source: 'quote', pricePence: 9000, vatPence: 1500 } } }) },

  'POST /api/print-jobs': { expected: members(202), body: (f) => ({ json: printJobBody(f.design, { copies: 1 }) }) },
  'GET /api/print-jobs/:id': { expected: ownOrg(200), params: (f) => ({ id: f.jobId }) },
  'POST /api/print-jobs/:id/share-links': { expected: ownOrg(201), params: (f) => ({ id: f.jobId }), body: () => ({ json: {} }) },
  'GET /api/print-jobs/:id/share-links': { expected: ownOrg(200), params: (f) => ({ id: f.jobId }) },
  'DELETE /api/print-jobs/:id/share-links/:linkId': { expected: ownOrg(204), params: async (f) => ({ id: f.jobId, linkId: await f.freshLinkId() }) },

  // The organisation's links, of every job: each organisation sees and withdraws only its own.
  'GET /api/share-links': { expected: members(200) },
  'GET /api/print-history': { expected: members(200) },
  'DELETE /api/share-links/:linkId': { expected: ownOrg(204), params: async (f) => ({ linkId: await f.freshLinkId() }) },

  // The volunteer holds the token; everyone else tries one that is not a link (same 404 as revoked).
  'GET /api/share/:token': { expected: holder(200), params: (f, actor) => ({ token: actor === 'volunteer' ? f.token : 'A'.repeat(43) }) },
  'GET /s/:token': { expected: holder(200), params: (f, actor) => ({ token: actor === 'volunteer' ? f.token : 'A'.repeat(43) }) },
  'GET /s/:token/leaflet.pdf': { expected: holder(200), params: (f, actor) => ({ token: actor === 'volunteer' ? f.token : 'A'.repeat(43) }) },
};

/** A hand entry of the fixture's election, wholly for its candidate. */
const spendingEntry = (f: Fixture) => ({ electionId: f.spending.electionId, item: 'Delivery', supplierName: 'Riverside Couriers', supplierAddress: '2 Quay', incurredOn: '2026-04-10', amountPence: 1000, vatPence: 0, split: { by: 'percent', parts: [{ candidateId: f.spending.candidateId, percent: 100 }] } });

let rosette: RunningRosette;
let fixture: Fixture;
const clients = new Map<Actor, () => Promise<TestClient>>();

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  const owner = await rosette.createAccount({ organisation: 'Riverside Labour' });
  const ownerClient = await rosette.signedIn(owner);
  const design = ((await (await ownerClient.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  design.title = 'Riverside private leaflet';
  const saveDesign = async () => ((await (await ownerClient.request('/api/designs', { json: { design } })).json()) as { id: string }).id;
  const withVariants = async (id: string) => {
    expect((await ownerClient.request(`/api/designs/${id}/variants`, { method: 'PUT', json: VARIANTS })).status).toBe(200);
    return id;
  };
  const acceptedRes = await ownerClient.request('/api/print-jobs', { json: printJobBody(design, { copies: 3 }) });
  const accepted = (await acceptedRes.json()) as { id: string; statusUrl: string };
  if (acceptedRes.status !== 202) throw new Error(JSON.stringify(accepted));
  const done = await waitForJob(ownerClient, accepted.statusUrl);
  const newLink = async () => (await (await ownerClient.request(`/api/print-jobs/${accepted.id}/share-links`, { json: {} })).json()) as { id: string; url: string };
  const link = await newLink();
  const agentClient = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' }));
  // Only a printable design can be sent (its proof is queued): the real imprint, not the template's sample.
  const savePrintable = async () => ((await (await ownerClient.request('/api/designs', { json: { design: withRealImprint(design) } })).json()) as { id: string }).id;
  const sendForSignOff = async () => ((await (await ownerClient.request('/api/sign-off-requests', { json: { designId: await savePrintable(), version: 1 } })).json()) as { id: string }).id;
  const signOffId = await sendForSignOff();
  const returnedSignOffId = await sendForSignOff();
  expect((await agentClient.request(`/api/sign-off-requests/${returnedSignOffId}/return`, { json: { comment: 'Say which routes' } })).status).toBe(200);
  const printerId = ((await (await agentClient.request('/api/printers', { json: PRINTER })).json()) as { id: string }).id;
  const templateId = ((await (await agentClient.request('/api/published-templates', { json: { designId: await saveDesign(), locked: ['band'] } })).json()) as { id: string }).id;
  const draftOrder = async () => ((await (await ownerClient.request('/api/print-orders', { json: orderBody({ unsentDesignId: await savePrintable(), printerId } as Fixture) })).json()) as { id: string }).id;
  const orderId = await draftOrder();
  const invoicedOrderId = await draftOrder();
  const spendingBase = `/api/organisations/${owner.orgId}/spending`;
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  const post = async (path: string, json: unknown) => ((await (await agentClient.request(`${spendingBase}${path}`, { json })).json()) as { id: string }).id;
  const electionId = await post('/elections', { name: 'Borough council', pollingDay: '2026-05-07' });
  const candidateId = await post(`/elections/${electionId}/candidates`, { name: 'Alice Ward', limitPence: 1_000_000 });
  const invoiceId = ((await (await agentClient.request(`${spendingBase}/invoices`, { method: 'POST', body: pdf as BodyInit, headers: { 'Content-Type': 'application/pdf' } })).json()) as { invoiceId: string }).invoiceId;
  const spending = { base: spendingBase, electionId, candidateId, entryId: '', invoiceId, pdf, freshEntryId: async () => '' };
  spending.freshEntryId = () => post('/entries', spendingEntry({ spending } as Fixture));
  spending.entryId = await post('/entries', { ...spendingEntry({ spending } as Fixture), invoiceId });
  await waitForValue('the order placed once its PDF is ready', async () => (await agentClient.request(`/api/print-orders/${invoicedOrderId}/place`, { json: placeBody({ spending } as Fixture) })).status === 200);
  expect((await agentClient.request(`/api/print-orders/${invoicedOrderId}/invoice`, { method: 'PUT', body: new Uint8Array(Buffer.from('%PDF-1.4\n')), headers: { 'Content-Type': 'application/pdf' } })).status).toBe(200);
  const assetId = design.pages[0].elements.find((e: { kind: string }) => e.kind === 'image').assetId as string;
  const runDesignId = await withVariants(await savePrintable());
  const runId = ((await (await ownerClient.request(`/api/designs/${runDesignId}/runs`, { json: { confirm: { unchangedTemplateText: true } } })).json()) as { id: string }).id;
  await waitForValue('the run done, its ZIP made', async () => ((await (await ownerClient.request(`/api/runs/${runId}`)).json()) as { zip: unknown }).zip);
  fixture = {
    owner,
    design,
    designId: await saveDesign(),
    variantsDesignId: await withVariants(await saveDesign()),
    jobId: accepted.id,
    pdfName: done.download.url.replace('/downloads/', ''),
    assetId,
    token: link.url.replace('/s/', ''),
    png: new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } }).png().toBuffer()),
    ownerClient,
    freshDesignId: saveDesign,
    freshDesignWithVariants: async () => withVariants(await saveDesign()),
    freshLinkId: async () => (await newLink()).id,
    freshAccountId: async () => (await rosette.createAccount({ organisation: 'Sacrificial' })).id,
    freshFailedJobId: () => failedPrintJob(rosette),
    signOffId,
    returnedSignOffId,
    unsentDesignId: await savePrintable(),
    printerId,
    templateId,
    runDesignId,
    runId,
    orderId,
    invoicedOrderId,
    spending,
  };

  const outsider = await rosette.createAccount({ organisation: 'Hillside Greens' });
  const admin = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
  const disabledAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  const disabledClient = await rosette.signedIn(disabledAccount);
  const adminClient = await rosette.signedIn(admin);
  expect((await adminClient.request(`/api/admin/accounts/${disabledAccount.id}/disable`, { method: 'POST' })).status).toBe(200);

  // A fresh session per request for signed-in actors, so signing out in one row does not spoil the next.
  clients.set('anonymous', async () => new TestClient(rosette.baseUrl));
  clients.set('volunteer', async () => new TestClient(rosette.baseUrl));
  clients.set('disabled', async () => disabledClient);
  clients.set('outsider', () => rosette.signedIn(outsider));
  clients.set('admin', () => rosette.signedIn(admin));
  clients.set('owner', () => rosette.signedIn(owner));
}, patient(60_000));

afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('every route, as every kind of visitor', () => {
  it('has an access rule for every route the app serves, and none for routes it does not', () => {
    const served = listRoutes(rosette.app).map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('gives each visitor exactly what their role allows', async () => {
    const wrong: string[] = [];
    const ownerSecrets = () => [fixture.designId, fixture.design.title as string, fixture.jobId];
    for (const route of listRoutes(rosette.app)) {
      const key = `${route.method} ${route.path}`;
      const rule = ACCESS[key];
      if (!rule) continue;
      for (const actor of ACTORS) {
        const client = await clients.get(actor)!();
        const params = rule.params ? await rule.params(fixture, actor) : {};
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
        const body = rule.body?.(fixture) ?? {};
        const res = await client.request(path, { method: route.method, json: body.json, body: body.body as BodyInit | undefined, headers: body.headers });
        const text = /json|text|html/.test(res.headers.get('content-type') ?? '') ? await res.text() : '';
        if (res.status !== rule.expected[actor]) wrong.push(`${key} as ${actor}: ${res.status}, expected ${rule.expected[actor]}`);
        // Whatever the status, nobody outside the organisation reads anything of its design or job.
        if (actor !== 'owner' && !(actor === 'volunteer' && route.path.includes(':token'))) {
          // Admins may read an organisation's spending ledger (as its agents do), where a print order's entry names what was printed.
          const secrets = ownerSecrets().filter((secret) => !(actor === 'admin' && route.path.includes('/spending') && secret === fixture.design.title));
          for (const secret of secrets) if (text.includes(secret) && !path.includes(secret) && !JSON.stringify(body.json ?? null).includes(secret)) wrong.push(`${key} as ${actor}: the answer shows the owner's ${secret}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, patient(120_000));

  // Issue 12: `/S/<token>` was served, and the log masks only knew `/s/`. Each route has one spelling.
  it('answers 404 to every route spelt in another case, with the parameters that open it', async () => {
    const owner = await clients.get('owner')!();
    const wrong: string[] = [];
    for (const route of listRoutes(rosette.app)) {
      const rule = ACCESS[`${route.method} ${route.path}`];
      if (!rule) continue;
      // The volunteer's parameters for token routes (the real token), the owner's for the rest.
      const params = rule.params ? await rule.params(fixture, route.path.includes(':token') ? 'volunteer' : 'owner') : {};
      const path = route.path
        .split('/')
        .map((part) => (part.startsWith(':') ? encodeURIComponent(params[part.slice(1)] ?? `missing-${part}`) : part.toUpperCase()))
        .join('/');
      const body = rule.body?.(fixture) ?? {};
      const res = await owner.request(path, { method: route.method, json: body.json, body: body.body as BodyInit | undefined, headers: body.headers });
      if (res.status !== 404) wrong.push(`${route.method} ${path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  }, patient(60_000));
});
