import { ownerWords, passwordProblem } from '../../../common/accounts/password-policy';

describe('the password policy', () => {
  it('accepts a long passphrase and a long random string', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('q8R-x2Lp_9vZa0Tm')).toBeNull();
  });

  it.each([
    ['short', 'at least 12'],
    ['aaaaaaaaaaaaaaaa', 'same few characters'],
    ['mypassword2024!', 'commonly guessed'],
    ['letmein-please-now', 'commonly guessed'],
    ['x'.repeat(201), 'at most 200'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(passwordProblem(password)).toContain(reason);
  });

  // Each of these passed the old policy in the penetration test of issue 12.
  it.each(['1qaz2wsx3edc', 'football2024', 'Liverpool123', 'labour2024!!', 'trustno1trustno1'])('refuses %j as too easy to guess', (password) => {
    expect(passwordProblem(password)).toMatch(/^must be harder to guess: /);
  });

  it('refuses a password that contains the name part of the email address', () => {
    expect(passwordProblem('jo.bloggs-rocks-2025', { email: 'jo.bloggs@example.org' })).toContain('email');
  });

  it('refuses a password built on a short name part, the domain or the organisation, whatever their length', () => {
    expect(passwordProblem('al-example-2025!', { email: 'al@example.org' })).toContain('email address');
    expect(passwordProblem('riversidelabour2025!', { email: 'al@example.org', organisation: 'Riverside Labour' })).toContain('organisation');
    // The same words are fine for somebody else.
    expect(passwordProblem('riverside-labour-2025-leaflets', { email: 'al@example.org' })).toBeNull();
  });

  it('accepts a strong passphrase that happens to contain a short name part', () => {
    expect(passwordProblem('tangerine always gravel kettle', { email: 'al@example.org', organisation: 'Riverside Labour' })).toBeNull();
  });

  it('knows the address, its parts and the organisation, longest first', () => {
    expect(ownerWords({ email: 'Jo.Bloggs@Example.org', organisation: 'Riverside Labour' })).toEqual([
      'jo.bloggs@example.org',
      'riverside labour',
      'riversidelabour',
      'example.org',
      'jo.bloggs',
      'riverside',
      'example',
      'bloggs',
      'labour',
      'org',
      'jo',
    ]);
  });
});
