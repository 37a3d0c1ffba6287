import { personName } from '../../../client/src/admin/person-name';

describe('personName', () => {
  const people = {
    'account:aa': { name: null, email: 'jo@riverside.example' },
    'account:bb': { name: 'Sam Evans', email: 'sam@riverside.example' },
    'account:cc': { name: null, email: null },
  };

  it('shows an account by name and e-mail address, or by its address while it has no name', () => {
    expect(personName('account:bb', people)).toBe('Sam Evans (sam@riverside.example)');
    expect(personName('account:aa', people)).toBe('jo@riverside.example');
  });

  it('never shows an account id', () => {
    expect(personName('account:cc', people)).toBe('an account that no longer exists');
    expect(personName('account:dd', people)).toBe('an account');
    expect(personName('account:dd', undefined)).toBe('an account');
  });

  it('shows the admin token\'s label as it is', () => {
    expect(personName('ops', people)).toBe('ops');
  });
});
