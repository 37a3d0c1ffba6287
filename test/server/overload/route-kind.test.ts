import { OPEN_IN_MAINTENANCE, priorityOf, routeKindOf, TOP_PRIORITY } from '../../../server/overload/route-kind';

describe('telling what a request is before Express', () => {
  it.each([
    ['GET', '/healthz', 'health'],
    ['GET', '/readyz?x=1', 'health'],
    ['GET', '/downloads/abc.pdf', 'download'],
    ['GET', '/s/sometoken/leaflet.pdf', 'download'],
    ['GET', '/s/sometoken', 'share'],
    ['GET', '/api/share/sometoken', 'share'],
    ['GET', '/favicon.svg', 'clientAsset'],
    ['POST', '/api/admin/maintenance', 'admin'],
    ['GET', '/api/admin/status', 'admin'],
    ['POST', '/api/session', 'signIn'],
    ['POST', '/api/print-jobs', 'printJobSubmit'],
    ['POST', '/api/assets', 'upload'],
    ['GET', '/api/templates', 'apiRead'],
    ['GET', '/api/print-jobs/0123', 'apiRead'],
    ['POST', '/api/designs', 'apiWrite'],
    ['GET', '/', 'page'],
    ['GET', '/assets/index-abc.js', 'clientAsset'],
    ['GET', '/api/assets/abc', 'apiRead'],
    ['GET', '/admin', 'admin'],
    ['GET', '/Admin/', 'admin'],
    ['HEAD', '/admin/accounts', 'admin'],
    ['GET', '/admin/accounts?x=1', 'admin'],
    ['POST', '/admin', 'page'],
    ['GET', '/administrator', 'page'],
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
