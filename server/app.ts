import path from 'node:path';
import fs from 'node:fs';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../common/node/config';
import type { FileStore } from '../common/node/file-store';
import { assetsRouter } from './assets/assets-router';
import { downloadsRouter } from './downloads/downloads-router';
import { healthRouter } from './health/health-router';
import { errorHandler, notFoundHandler } from './http/error-middleware';
import { limitByRoute, type RateLimits } from './http/rate-limits';
import { requireJson } from './http/require-json';
import type { OverloadState } from './overload/overload-state';
import type { PrintQueue } from './print-jobs/print-queue';
import { printJobsRouter } from './print-jobs/print-jobs-router';
import { templatesRouter } from './templates/templates-router';

/** Everything the app needs from outside; main.ts wires the real ones, tests their own. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  redis: Redis;
  queue: PrintQueue;
  store: FileStore;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Folder of the built browser client; not served when absent. */
  clientDir?: string;
  /** The overload protection's parts that work inside Express (the gate runs before it: http-server.ts builds all of them). */
  overload: {
    state: OverloadState;
    limits: RateLimits;
    /** POST /api/admin/maintenance, GET /api/admin/status. */
    adminRouter: Router;
  };
}

/** Builds the Express app (without listening). */
export function createApp(deps: AppDeps): Express {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('etag', false);
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
  app.use(downloadsRouter(deps));
  app.use(templatesRouter());
  app.use(assetsRouter({ store: deps.store, limits: { maxBytes: config.UPLOAD_LIMIT_BYTES, maxPixels: config.UPLOAD_LIMIT_PIXELS } }));
  app.use('/api', requireJson, express.json({ limit: config.JSON_LIMIT_BYTES, strict: true }));
  app.use(deps.overload.adminRouter);
  app.use(printJobsRouter({ ...deps, estimateWait: (position) => deps.overload.state.estimatedWaitSeconds(position) }));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const clientDir = deps.clientDir;
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', setHeaders: immutableAssets }));
  }
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

/** Vite puts a content hash in the names under assets/: those never change, so cache them for a year. */
function immutableAssets(res: express.Response, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'no-cache');
}
