import { loadConfig } from '../../../common/node/config';
import { secretProblem } from '../../../common/node/secret-strength';
import { serverSecretFrom } from '../../../server/secrets/server-secret';
import { TokenDigester } from '../../../server/secrets/token-digester';

const STRONG = 'Zq3v8LkP0wXr4TnB7yHc2JmF5dGs9AeU';

describe('the server secret', () => {
  it('stops a production server that has none, or a weak one', () => {
    for (const secret of [undefined, '', 'short', 'changeme-changeme-changeme-changeme', 'a'.repeat(40)]) {
      expect(() => serverSecretFrom({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(/SESSION_SECRET/);
    }
    expect(serverSecretFrom({ NODE_ENV: 'production', SESSION_SECRET: STRONG }).toString()).toBe(STRONG);
  });

  it('makes a random one in development, different at each start (there is no default secret)', () => {
    const a = serverSecretFrom({ NODE_ENV: 'development', SESSION_SECRET: undefined });
    const b = serverSecretFrom({ NODE_ENV: 'development', SESSION_SECRET: undefined });
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(false);
  });

  it('names what is wrong', () => {
    expect(secretProblem(undefined)).toBe('is missing');
    expect(secretProblem(STRONG)).toBeNull();
  });
});

describe('the first admin in the configuration', () => {
  const base = { NODE_ENV: 'test' };
  it('needs the email and the password together', () => {
    expect(() => loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'admin@example.org' })).toThrow(/together/);
    expect(() => loadConfig({ ...base, FIRST_ADMIN_PASSWORD: 'a good long passphrase' })).toThrow(/together/);
  });

  it('refuses a weak password, without echoing it', () => {
    let message = '';
    try {
      loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'admin@example.org', FIRST_ADMIN_PASSWORD: 'password123' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/FIRST_ADMIN_PASSWORD/);
    expect(message).not.toContain('password123');
  });

  it.each(['1qaz2wsx3edc', 'football2024', 'Liverpool123', 'labour2024!!', 'trustno1trustno1'])('refuses the guessable %j as the invite page does', (password) => {
    expect(() => loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'admin@example.org', FIRST_ADMIN_PASSWORD: password })).toThrow(/^invalid configuration: FIRST_ADMIN_PASSWORD must be harder to guess/);
  });

  it('refuses one built on the organisation or a short address', () => {
    expect(() => loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'al@example.org', FIRST_ADMIN_PASSWORD: 'al@example.org!2024' })).toThrow(/email address/);
    expect(() => loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'admin@example.org', FIRST_ADMIN_ORG: 'Riverside Labour', FIRST_ADMIN_PASSWORD: 'RiversideLabour#2025' })).toThrow(/organisation/);
  });

  it('accepts a strong one', () => {
    expect(loadConfig({ ...base, FIRST_ADMIN_EMAIL: 'admin@example.org', FIRST_ADMIN_PASSWORD: 'a good long passphrase' }).FIRST_ADMIN_EMAIL).toBe('admin@example.org');
  });
});

describe('token digests and signed cookies', () => {
  it('refuses a signed value whose signature was changed, or made with another key', () => {
    const a = new TokenDigester(Buffer.from(STRONG));
    const b = new TokenDigester(Buffer.from(`${STRONG}x`));
    const signed = a.sign('token-value');
    expect(a.unsign(signed)).toBe('token-value');
    expect(b.unsign(signed)).toBeNull();
    expect(a.unsign(`${signed.slice(0, -1)}${signed.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(a.unsign('no-signature')).toBeNull();
    expect(a.digest('share', 't')).not.toBe(a.digest('invite', 't'));
  });
});
