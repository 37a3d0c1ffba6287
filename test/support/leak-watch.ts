/**
 * The secrets of the test accounts of this test file, and the rules for where they may appear: a
 * password never (not in any answer, not in any log line); an email address only in answers that are
 * about that account to that account (its own session) or to an admin (the accounts page).
 */
export interface WatchedAccount {
  email: string;
  password: string;
}

const watched = new Set<WatchedAccount>();
const leaks: string[] = [];

export function watchAccount(account: WatchedAccount): void {
  watched.add(account);
}

/** Paths whose answers may show the viewer's own email address. */
const OWN_EMAIL_PATHS = [/^\/api\/session$/, /^\/api\/invites\/accept$/];
/** Paths whose answers may show any email address to an admin. */
const ADMIN_PATHS = /^\/api\/admin\//;

/**
 * Checks one answer body; records (and answers) any leak.
 * @param viewer The account that made the request (null for anonymous), and whether it is an admin.
 */
export function checkAnswer(where: string, path: string, body: string, viewer: { email: string; admin: boolean } | null): string[] {
  const found: string[] = [];
  for (const account of watched) {
    if (account.password && body.includes(account.password)) found.push(`${where}: a test account's password is in the answer to ${path}`);
    if (body.toLowerCase().includes(account.email.toLowerCase())) {
      const own = viewer !== null && viewer.email.toLowerCase() === account.email.toLowerCase() && OWN_EMAIL_PATHS.some((p) => p.test(path));
      const admin = viewer?.admin === true && ADMIN_PATHS.test(path);
      if (!own && !admin) found.push(`${where}: a test account's email address is in the answer to ${path}`);
    }
  }
  leaks.push(...found);
  return found;
}

/** Checks log lines: no email address or password of a test account may be in any of them. */
export function checkLogLines(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const [i, line] of lines.entries()) {
    for (const account of watched) {
      if (account.password && line.includes(account.password)) found.push(`log line ${i}: a test account's password`);
      if (line.toLowerCase().includes(account.email.toLowerCase())) found.push(`log line ${i}: a test account's email address`);
    }
  }
  leaks.push(...found);
  return found;
}

/** Every leak recorded so far in this test file. */
export function recordedLeaks(): readonly string[] {
  return leaks;
}
