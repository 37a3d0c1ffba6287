import type { Express } from 'express';

/** One route of the app: `GET /api/print-jobs/:id`. */
export interface ListedRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[]; router?: { stack?: Layer[] } };
  rawPath?: string | string[];
  slash?: boolean;
}

/**
 * Every route of an Express 5 app, read from its router stack, routers and sub-apps mounted at a
 * path included. A layer it cannot read (a mount path that is a pattern) throws, so no route is ever
 * silently left out.
 */
export function listRoutes(app: Express): ListedRoute[] {
  const routes: ListedRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const p of paths) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path: prefix + p });
          }
        }
        continue;
      }
      const inner = layer.handle?.stack ?? layer.handle?.router?.stack;
      if (!inner) continue;
      const mount = layer.slash || layer.rawPath === undefined || layer.rawPath === '/' ? '' : layer.rawPath;
      if (typeof mount !== 'string') throw new Error(`cannot read the mount path of a router: ${String(mount)}`);
      walk(inner, prefix + mount);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  const unique = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return [...unique.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
