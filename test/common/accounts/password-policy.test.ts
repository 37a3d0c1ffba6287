import { passwordProblem } from '../../../common/accounts/password-policy';

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

  it('refuses a password that contains the name part of the email address', () => {
    expect(passwordProblem('jo.bloggs-rocks-2025', 'jo.bloggs@example.org')).toContain('email');
  });
});
