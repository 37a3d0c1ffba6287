import { adminTokenFrom, tokenMatches } from '../../../server/admin/admin-token';

const strong = 'q8R2vN5xK1mZ7tYb3LcW9dFh4JpS6gAe';

describe('the admin token', () => {
  it('is strong in production when set, and made up (and told to nobody) when not', () => {
    expect(adminTokenFrom({ NODE_ENV: 'production', ADMIN_TOKEN: undefined, ADMIN_TOKEN_LABEL: 'ops' }).generated).toBe(true);
    expect(() => adminTokenFrom({ NODE_ENV: 'production', ADMIN_TOKEN: 'changeme', ADMIN_TOKEN_LABEL: 'ops' })).toThrow(/ADMIN_TOKEN/);
    expect(adminTokenFrom({ NODE_ENV: 'production', ADMIN_TOKEN: strong, ADMIN_TOKEN_LABEL: 'ops' })).toEqual({ token: strong, label: 'ops', generated: false });
  });

  it('is made up at random in development when unset, never a default value', () => {
    const a = adminTokenFrom({ NODE_ENV: 'development', ADMIN_TOKEN: undefined, ADMIN_TOKEN_LABEL: 'dev' });
    const b = adminTokenFrom({ NODE_ENV: 'development', ADMIN_TOKEN: undefined, ADMIN_TOKEN_LABEL: 'dev' });
    expect(a.generated).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('matches only itself, whatever the length presented', () => {
    expect(tokenMatches(strong, strong)).toBe(true);
    expect(tokenMatches(strong.slice(0, -1), strong)).toBe(false);
    expect(tokenMatches(`${strong}x`, strong)).toBe(false);
    expect(tokenMatches('', strong)).toBe(false);
  });
});
