import type { IncomingMessage } from 'node:http';
import { TokenDigester } from '../../../server/secrets/token-digester';
import { principalOf } from '../../../server/sessions/admin-session';
import { SessionCookie } from '../../../server/sessions/session-cookie';

const digester = new TokenDigester(Buffer.from('Zq3v8LkP0wXr4TnB7yHc2JmF5dGs9AeU'));
const cookie = new SessionCookie(false, 3600_000);
const request = (header?: string) => ({ headers: header === undefined ? {} : { cookie: header } }) as IncomingMessage;

describe('who a request is, for the overload gate', () => {
  const of = principalOf({ cookie, digester });

  it('counts a cookie signed with our secret as signed in', () => {
    expect(of(request(`theme=dark; rosette_session=${digester.sign('A'.repeat(43))}`))).toBe('signedIn');
  });

  it('counts no cookie, a forged one, or one signed with another secret as anonymous', () => {
    const other = new TokenDigester(Buffer.from('another secret that is long enough!!'));
    expect(of(request())).toBe('anonymous');
    expect(of(request(`rosette_session=${'A'.repeat(43)}.${'B'.repeat(43)}`))).toBe('anonymous');
    expect(of(request(`rosette_session=${other.sign('A'.repeat(43))}`))).toBe('anonymous');
    expect(of(request('rosette_session='))).toBe('anonymous');
  });
});
