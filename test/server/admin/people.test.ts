import { accountPeople } from '../../../server/admin/people';

const JO = 'a'.repeat(32);
const GONE = 'b'.repeat(32);

describe('accountPeople', () => {
  const accounts = { findById: jest.fn(async (id: string) => (id === JO ? { email: 'jo@riverside.example' } : null)) };
  const people = accountPeople(accounts);

  it('names each account by its e-mail address, looking each up once', async () => {
    expect(await people([`account:${JO}`, `account:${JO}`])).toEqual({ [`account:${JO}`]: { name: null, email: 'jo@riverside.example' } });
    expect(accounts.findById).toHaveBeenCalledTimes(1);
  });

  it('says an account no longer exists, and leaves out what is not an account (the admin token\'s label)', async () => {
    expect(await people([`account:${GONE}`, 'ops', 'account:not-an-id'])).toEqual({ [`account:${GONE}`]: { name: null, email: null } });
  });
});
