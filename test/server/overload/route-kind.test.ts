import { HEAVY_WORK, IN_FLIGHT_SHARE, OPEN_IN_MAINTENANCE, priorityOf, routeKindOf, TOP_PRIORITY, type RouteKind } from '../../../server/overload/route-kind';

describe('telling what a request is before Express', () => {
  it.each([
    ['GET', '/healthz', 'health'],
    ['GET', '/readyz?x=1', 'health'],
    ['GET', '/downloads/abc.pdf', 'download'],
    ['GET', '/s/sometoken/leaflet.pdf', 'download'],
    ['GET', '/s/sometoken', 'share'],
    ['GET', '/api/share/sometoken', 'share'],
    ['GET', '/favicon.svg', 'clientAsset'],
    ['GET', '/sw.js', 'clientAsset'],
    ['GET', '/manifest.webmanifest', 'clientAsset'],
    ['GET', '/sw.js.map', 'page'],
    ['POST', '/api/admin/maintenance', 'admin'],
    ['GET', '/api/admin/status', 'admin'],
    ['POST', '/api/session', 'signIn'],
    ['POST', '/api/print-jobs', 'printJobSubmit'],
    // A print run is print jobs, one per version (run-admission.ts counts the rest); following it is a read, retrying a version signed-in work.
    ['POST', '/api/designs/0123/runs', 'printJobSubmit'],
    ['POST', '/api/designs/0123/runs/', 'printJobSubmit'],
    ['GET', '/api/runs/0123', 'apiRead'],
    ['POST', '/api/runs/0123/variants/4/retry', 'apiWrite'],
    ['POST', '/api/designs/0123/variants', 'apiWrite'],
    ['POST', '/api/assets', 'upload'],
    ['GET', '/api/templates', 'apiRead'],
    ['GET', '/api/print-jobs/0123', 'apiRead'],
    ['POST', '/api/designs', 'apiWrite'],
    // Sign-off, printers and print orders are signed-in work, shed as one (an invoice upload too: not an image upload's budget).
    ['POST', '/api/sign-off-requests/0123/approve', 'apiWrite'],
    ['GET', '/api/print-orders', 'apiRead'],
    ['POST', '/api/print-orders/0123/place', 'apiWrite'],
    ['PUT', '/api/print-orders/0123/invoice', 'apiWrite'],
    ['PUT', '/api/printers/0123', 'apiWrite'],
    ['GET', '/', 'page'],
    ['GET', '/assets/index-abc.js', 'clientAsset'],
    ['GET', '/api/assets/abc', 'apiRead'],
    ['GET', '/admin', 'admin'],
    ['GET', '/Admin/', 'admin'],
    ['HEAD', '/admin/accounts', 'admin'],
    ['GET', '/admin/accounts?x=1', 'admin'],
    ['POST', '/admin', 'page'],
    ['GET', '/administrator', 'page'],
    ['GET', '/api/admin', 'admin'],
    ['GET', '/elsewhere/leaflet.pdf', 'page'],
  ])('%s %s is %s', (method, url, kind) => {
    expect(routeKindOf(method, url)).toBe(kind);
  });

  it('keeps the admin console page (/admin, /admin/...) open in maintenance and never caps it', () => {
    for (const url of ['/admin', '/admin/', '/admin/accounts']) {
      const kind = routeKindOf('GET', url);
      expect(OPEN_IN_MAINTENANCE[kind]).toBe(true);
      expect(priorityOf(kind, 'anonymous')).toBe(TOP_PRIORITY);
    }
  });

  it('sees the route Express sees: trailing slashes, a query, the absolute form, and any case alike (Express answers 404 to all but one)', () => {
    for (const url of ['/API/Print-Jobs', '/api/print-jobs/', '/api/print-jobs//', '/api/print-jobs?x=/', 'http://example.org/api/print-jobs']) {
      expect(routeKindOf('POST', url)).toBe('printJobSubmit');
    }
  });

  it('keeps only downloads, share pages (and the client files they need), health checks, sign-in and the admin API open in maintenance', () => {
    expect(Object.entries(OPEN_IN_MAINTENANCE).filter(([, open]) => open).map(([kind]) => kind).sort()).toEqual(['admin', 'clientAsset', 'download', 'health', 'share', 'signIn']);
  });

  it('turns anonymous reads away before print jobs, print jobs before downloads, and never health checks', () => {
    const p = (kind: Parameters<typeof priorityOf>[0]) => priorityOf(kind, 'anonymous');
    expect(p('page')).toBeLessThan(p('printJobSubmit'));
    expect(p('apiRead')).toBeLessThan(p('printJobSubmit'));
    expect(p('printJobSubmit')).toBeLessThan(p('download'));
    expect(p('download')).toBeLessThan(p('health'));
    expect(priorityOf('apiRead', 'signedIn')).toBeGreaterThan(p('apiRead'));
  });
});

describe('when the request is unusual', () => {
  it('treats a missing method and URL as a page at /', () => {
    expect(routeKindOf(undefined, undefined)).toBe('page');
  });

  it('treats an absolute URL that does not parse as /', () => {
    expect(routeKindOf('POST', 'http://')).toBe('page');
  });

  it('counts HEAD on the API as a read, and any other write method on /api/print-jobs as a submission', () => {
    expect(routeKindOf('HEAD', '/api/print-jobs')).toBe('apiRead');
    expect(routeKindOf('PUT', '/api/print-jobs')).toBe('printJobSubmit');
    expect(routeKindOf('POST', '/api/administrator')).toBe('apiWrite');
    expect(routeKindOf('GET', '/api/session')).toBe('signIn');
  });

  it('keeps the root path when stripping trailing slashes', () => {
    expect(routeKindOf('GET', '//')).toBe('page');
    expect(routeKindOf('GET', '/healthz///')).toBe('health');
  });
});

describe('the priority of each kind of request', () => {
  const KINDS: RouteKind[] = ['page', 'apiRead', 'apiWrite', 'upload', 'printJobSubmit', 'clientAsset', 'download', 'share', 'signIn', 'health', 'admin'];

  it('is, for an anonymous request: pages and reads 0, writes and uploads 1, print jobs and client files 2, downloads, share pages and sign-in 3, health and admin 4', () => {
    expect(KINDS.map((k) => priorityOf(k, 'anonymous'))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4]);
    expect(TOP_PRIORITY).toBe(4);
  });

  it('is one step higher for a signed-in campaigner, but never raised into the top priority', () => {
    expect(KINDS.map((k) => priorityOf(k, 'signedIn'))).toEqual([1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4]);
  });

  it('lets each priority fill half, 70 %, 85 %, all of MAX_IN_FLIGHT, and the top one without limit', () => {
    expect(IN_FLIGHT_SHARE).toEqual([0.5, 0.7, 0.85, 1, Number.POSITIVE_INFINITY]);
  });

  it('queues only print-job submissions as heavy work', () => {
    expect(KINDS.filter((k) => HEAVY_WORK[k])).toEqual(['printJobSubmit']);
  });
});
