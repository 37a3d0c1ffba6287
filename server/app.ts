import { httpMetricsMiddleware } from './metrics/http-metrics-middleware';
import type { ServerMetrics } from './metrics/server-metrics';
import { requestLogger } from './http/request-logger';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from './database/schema';
import type { Logger } from 'pino';
import type { Config } from '../common/node/config';
import type { StoreHealth } from './health/store-probe';
import { ASSET_INFO_KEYS, AssetCachingStore } from '../common/node/asset-caching-store';
import type { FileStore } from '../common/node/file-store';
import { INVITE_RATE_PREFIX, SIGN_IN_RATE_PREFIX } from '../common/queue/names';
import type { AccountServices } from './accounts/account-services';
import { adminAccountsRouter } from './accounts/admin-accounts-router';
import { invitesRouter } from './accounts/invites-router';
import { organisationImprintRouter } from './accounts/organisation-imprint-router';
import { assetsRouter } from './assets/assets-router';
import { loadClientIndex } from './client-files/client-index';
import { precompressedStatic } from './client-files/precompressed-static';
import { DesignStore } from './designs/design-store';
import { designsRouter } from './designs/designs-router';
import { VariantTableStore } from './variants/variant-table-store';
import { variantsRouter } from './variants/variants-router';
import { downloadsRouter } from './downloads/downloads-router';
import { healthRouter } from './health/health-router';
import { csrfProtection } from './http/csrf';
import { errorHandler, notFoundHandler } from './http/error-middleware';
import { HotFiles } from './http/hot-files';
import { limitByRoute, type RateLimits } from './http/rate-limits';
import { requireJson } from './http/require-json';
import type { OverloadState } from './overload/overload-state';
import { routeKindOf } from './overload/route-kind';
import type { PrintQueue } from './print-jobs/print-queue';
import type { RunAdmission } from './print-runs/run-admission';
import { printRunsRouter } from './print-runs/print-runs-router';
import { PrintRunStore } from './print-runs/print-run-store';
import { PrintRunFlow } from './print-runs/print-run-flow';
import { printJobsRouter } from './print-jobs/print-jobs-router';
import { PrintRecordStore } from './print-jobs/print-record-store';
import { printHistoryRouter } from './print-jobs/print-history-router';
import { addressRateLimit } from './sessions/address-rate-limit';
import { sessionsRouter } from './sessions/sessions-router';
import { signedIn } from './sessions/signed-in-guard';
import { ShareLinkStore } from './share-links/share-link-store';
import { adminShareLinksRouter } from './share-links/admin-share-links-router';
import { shareLinksRouter } from './share-links/share-links-router';
import { sharedLeafletRouter } from './share-links/shared-leaflet-router';
import { templatesRouter } from './templates/templates-router';
import { organisationTreeRouter } from './organisations/organisation-tree-router';
import { PublishedTemplateStore } from './published-templates/published-template-store';
import { publishedTemplatesRouter } from './published-templates/published-templates-router';
import { TemplateLocksDesk } from './published-templates/template-locks-desk';
import { BrandKitStore } from './brand-kits/brand-kit-store';
import { brandKitsRouter } from './brand-kits/brand-kits-router';
import { BrandRules } from './brand-kits/brand-rules';
import { SignOffDesk } from './sign-off/sign-off-desk';
import { SignOffNotices } from './sign-off/sign-off-notices';
import { signOffRouter } from './sign-off/sign-off-router';
import { SignOffStore } from './sign-off/sign-off-store';
import { createMailer } from './email/create-mailer';
import type { Mailer } from './email/mailer';
import type { OnOrderPlaced } from './print-orders/on-order-placed';
import { ledgerOfOrders } from './spending/ledger-of-orders';
import { PrintOrderDesk } from './print-orders/print-order-desk';
import { printOrderInvoiceRouter, printOrdersRouter } from './print-orders/print-orders-router';
import { PrintOrderStore } from './print-orders/print-order-store';
import { printersRouter } from './printers/printers-router';
import { PrinterStore } from './printers/printer-store';
import { spendingInvoicesRouter, spendingRouter } from './spending/spending-router';
import { SpendingStore } from './spending/spending-store';

/** Memory for the facts of uploaded images (about 150 bytes each), bytes. */
const ASSET_INFO_CACHE_BYTES = 2 * 1024 * 1024;
/** Window of the per-address limits on sign-in and invite acceptance, milliseconds. */
const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** Everything the app needs from outside; main.ts wires the real ones, tests their own. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  redis: Redis;
  /** PostgreSQL: the system of record (the stores' only way in). */
  db: Kysely<Database>;
  queue: PrintQueue;
  store: FileStore;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Folder of the built browser client; not served when absent. */
  clientDir?: string;
  /** Prometheus metrics of this process; not recorded when absent (most tests). */
  metrics?: ServerMetrics;
  /** Share links (http-server.ts makes the store and starts its cache); one that reads PostgreSQL for every token when absent. */
  shareLinks?: ShareLinkStore;
  /** The organisation's print history (http-server.ts mirrors the queue's events into it). */
  printRecords?: PrintRecordStore;
  /** Accounts, sessions, invites and the audit log (main.ts builds them, and so does the test harness). */
  accounts: AccountServices;
  /** Whether the file store takes writes (health/store-probe.ts); taken as writable when absent. */
  storeHealth?: { readonly current: StoreHealth };
  /** The overload protection's parts that work inside Express (the gate runs before it: http-server.ts builds all of them). */
  overload: {
    state: OverloadState;
    limits: RateLimits;
    /** POST /api/admin/maintenance, GET /api/admin/status. */
    adminRouter: Router;
    /** GET /api/admin/queue and the admin's queue actions (pause, resume, retry or remove failed jobs): the same admin credentials, and pausing tells the overload state. */
    queueActionsRouter: Router;
    /** Admission of print runs by their number of variants (the backlog cap and the print-jobs budget). */
    runAdmission: RunAdmission;
  };
  /** How email is sent; the one the configuration names (create-mailer.ts) when absent. */
  mailer?: Mailer;
  /** The spending ledger's hook when a print order is placed (on-order-placed.ts); nothing is recorded when absent. */
  onOrderPlaced?: OnOrderPlaced;
}

/** Builds the Express app (without listening). */
export function createApp(deps: AppDeps): Express {
  const { config, accounts: services } = deps;
  const member = [signedIn(services), csrfProtection];
  const shareLinks = deps.shareLinks ?? new ShareLinkStore(deps.db, services.digester, deps.now);
  const designs = new DesignStore(deps.db, deps.now);
  const signOffs = new SignOffStore(deps.db, deps.now);
  const spending = new SpendingStore(deps.db, deps.now);
  const printRecords = deps.printRecords ?? new PrintRecordStore(deps.db);
  const print = { richBlack: config.PRINT_RICH_BLACK, maxInkCoverage: config.PRINT_MAX_INK_COVERAGE };
  const printers = new PrinterStore(deps.db, deps.now);
  const orders = new PrintOrderStore(deps.db, deps.now);
  const runs = new PrintRunStore(deps.db);
  const publishedTemplates = new PublishedTemplateStore(deps.db, deps.now);
  const locks = new TemplateLocksDesk({ templates: publishedTemplates, organisations: services.organisations });
  const brandKits = new BrandKitStore(deps.db, deps.now);
  const brandRules = new BrandRules({ kits: brandKits, organisations: services.organisations });
  const clientIndex = loadClientIndex(deps.clientDir);
  // Every print job and share link checks its images' pixel sizes: keep those facts (tiny, never stale) in memory.
  const store = new AssetCachingStore(deps.store, { maxBytes: ASSET_INFO_CACHE_BYTES, keys: ASSET_INFO_KEYS });
  const files = new HotFiles(store, config.FILE_CACHE_MB * 1024 * 1024);
  // One way of sending email for orders, sign-off and invites; links in it are absolute (PUBLIC_URL).
  const mailer = deps.mailer ?? createMailer(config, deps.logger);
  const publicUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  const orderDesk = new PrintOrderDesk({
    orders,
    printers,
    designs,
    signOffs,
    organisations: services.organisations,
    queue: deps.queue,
    store,
    mailer,
    publicUrl,
    now: deps.now,
    print,
    runs,
    ...ledgerOfOrders(spending, deps.onOrderPlaced),
  });
  const perAddress = (prefix: string, skipSuccessfulRequests: boolean) =>
    addressRateLimit({ redis: deps.redis, logger: deps.logger, prefix, limit: config.SIGN_IN_ATTEMPTS_PER_ADDRESS, windowMs: SIGN_IN_WINDOW_MS, skipSuccessfulRequests });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);
  // `/S/<token>` must not reach the share routes: the log masks and the proxy's are written for one
  // spelling of each path (issue 12). Routers come from caseSensitiveRouter(), which matches this.
  app.set('case sensitive routing', true);
  // Classes are the gate's route kinds, so a class's served and shed counts can be set side by side.
  if (deps.metrics) app.use(httpMetricsMiddleware({ metrics: deps.metrics, classify: (req) => routeKindOf(req.method, req.originalUrl) }));
  app.use(requestLogger({ logger: deps.logger }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  );

  // Before any body is read: a client over its budget costs one Redis round trip, nothing more.
  app.use(limitByRoute(deps.overload.limits));
  app.use(healthRouter(deps));
  app.use(downloadsRouter({ files, titleOf: (hash) => printRecords.titleOfPdf(hash) }));
  // A volunteer's share link: no session, and open in maintenance (route-kind.ts).
  app.use(sharedLeafletRouter({ shareLinks, files, clientIndex }));
  app.use(templatesRouter());
  // Uploads need an account and the CSRF token (the body is not JSON, so nothing else stops a cross-site form).
  app.post('/api/assets', ...member);
  app.use(assetsRouter({ store, files, limits: { maxBytes: config.UPLOAD_LIMIT_BYTES, maxPixels: config.UPLOAD_LIMIT_PIXELS } }));
  // Invoices are files too (PDF or image): read raw, before the JSON parser.
  app.use(printOrderInvoiceRouter({ services, desk: orderDesk, orders }));
  // Invoices are uploaded as their own bytes too (checked by content: PDF, PNG or JPEG).
  app.use(spendingInvoicesRouter({ services, spending, store: deps.store, maxBytes: config.UPLOAD_LIMIT_BYTES }));
  app.use('/api', requireJson, express.json({ limit: config.JSON_LIMIT_BYTES, strict: true }));
  app.use(sessionsRouter(services, perAddress(SIGN_IN_RATE_PREFIX, true)));
  app.use(invitesRouter(services, perAddress(INVITE_RATE_PREFIX, false)));
  app.use(deps.overload.adminRouter);
  app.use(deps.overload.queueActionsRouter);
  app.use(adminAccountsRouter(services, { mailer, publicUrl }));
  app.use(adminShareLinksRouter({ services, shareLinks }));
  app.use(organisationTreeRouter(services));
  app.use(organisationImprintRouter(services));
  app.use(brandKitsRouter({ services, kits: brandKits, store }));
  app.use(designsRouter({ services, designs, locks, brandRules }));
  app.use(publishedTemplatesRouter({ services, designs, templates: publishedTemplates, locks }));
  const variantTables = new VariantTableStore(deps.db, deps.now);
  app.use(variantsRouter({ services, designs, tables: variantTables, locks }));
  const signOffDesk = new SignOffDesk({ signOffs, designs, queue: deps.queue, store, now: deps.now, print, runs, notices: new SignOffNotices({ mailer, accounts: services.accounts, publicUrl }) });
  const runFlow = new PrintRunFlow(deps.redis, deps.queue.queue);
  app.use(printRunsRouter({ services, designs, tables: variantTables, runs, flow: runFlow, admission: deps.overload.runAdmission, store, now: deps.now, print, locks, signOffs: signOffDesk }));
  app.use(signOffRouter({ services, signOffs, designs, desk: signOffDesk }));
  app.use(spendingRouter({ services, spending, store: deps.store }));
  app.use(shareLinksRouter({ services, queue: deps.queue, store, shareLinks, signOffs, now: deps.now }));
  app.use(printersRouter({ services, printers }));
  app.use(printOrdersRouter({ services, desk: orderDesk, orders }));
  app.use(printHistoryRouter({ services, records: printRecords, runs, store, flow: runFlow }));
  app.use(printJobsRouter({ ...deps, store, services, designs, locks, brandRules, storeHealth: deps.storeHealth, print, outlook: (position) => ({ estimatedWaitSeconds: deps.overload.state.estimatedWaitSeconds(position), printingPaused: deps.overload.state.printingPaused }) }));

  if (clientIndex && deps.clientDir) {
    const page: express.RequestHandler = (req, res) => clientIndex.send(req, res);
    app.get(['/', '/index.html'], page);
    // The admin console is a page of its own: route-kind.ts keeps /admin open in maintenance and never
    // sheds it, unlike the home page.
    app.get('/admin{/*rest}', page);
    app.use(precompressedStatic(deps.clientDir));
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
