import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLengthProblem } from './password-length';

/**
 * What makes a password acceptable, shared by the server (invites, first admin, admin:create) and the
 * browser (live hints on the set-password page, which loads this module lazily: the dictionaries are
 * about 1 MB). Length and guessability, no composition rules (NIST SP 800-63B): at least 12 characters,
 * and zxcvbn-ts must estimate at least 10^10 guesses, its top score, counting the common-password list
 * (keyboard walks, football clubs, names, years and l33t included) and the account's own email address
 * and organisation as the first things an attacker tries.
 */

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** Fragments that make a password among the first to be guessed, lower case (the app's own name included). */
const COMMON_FRAGMENTS = ['password', 'passw0rd', '123456', 'qwerty', 'letmein', 'welcome', 'admin', 'rosette', 'changeme', 'iloveyou', 'abcdef'];

/** Fewest guesses (log10) the estimator must need: zxcvbn's score 4, "very unguessable". */
const MIN_GUESSES_LOG10 = 10;

/**
 * Characters the estimator looks at (the rest of a longer password only adds to it). Its time grows
 * faster than the length: about 100 ms at 64 characters, seconds at 200.
 */
const ESTIMATED_LENGTH = 64;

/** What a password is checked against besides the dictionaries: whose it is. */
export interface PasswordOwner {
  /** The account's email address. */
  email?: string;
  /** The name of the account's organisation. */
  organisation?: string;
}

let estimator: ZxcvbnFactory | null = null;

/** Built at first use: loading the ranked dictionaries takes about a quarter of a second. */
function estimate(password: string, userInputs: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
    maxLength: ESTIMATED_LENGTH,
    // Caps the l33t variants tried per password (100 by default): at 10 a check stays under ~100 ms.
    l33tMaxSubstitutions: 10,
  });
  return estimator.check(password, userInputs);
}

/**
 * The owner's email address, its local part and domain, the words of each, and the organisation's
 * name and words, lower case, longest first: whatever their length, since a short name is guessed
 * first all the same.
 */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (text: string | undefined, splitOn: RegExp) => {
    const whole = text?.trim().toLowerCase();
    if (!whole) return;
    words.add(whole);
    for (const part of whole.split(splitOn)) if (part) words.add(part);
  };
  const email = owner.email?.trim().toLowerCase();
  if (email) {
    const at = email.lastIndexOf('@');
    words.add(email);
    add(at < 0 ? email : email.slice(0, at), /[^\p{L}\p{N}]+/u);
    if (at >= 0) add(email.slice(at + 1), /\./);
  }
  add(owner.organisation, /[^\p{L}\p{N}]+/u);
  if (owner.organisation) words.add(owner.organisation.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  words.delete('');
  return [...words].sort((a, b) => b.length - a.length);
}

/** The password with every occurrence of the owner's words taken out (case ignored). */
function withoutOwnerWords(password: string, words: string[]): string {
  let rest = password;
  for (const word of words) rest = rest.replace(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), '');
  return rest;
}

/** The estimator's warning as the end of a sentence: "this is a commonly used password". */
function reason(result: ZxcvbnResult): string {
  const text = result.feedback.warning || result.feedback.suggestions[0] || 'Add another word or two; uncommon words are better.';
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}

/**
 * Why a password is not acceptable, as the end of a sentence ("must be ..."), or null when it is.
 * @param owner Whose password it is: a password built on the email address or organisation is refused.
 */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | null {
  const lengthProblem = passwordLengthProblem(password);
  if (lengthProblem) return lengthProblem;
  if (new Set(password).size < 6) return 'must not repeat the same few characters';
  const lower = password.toLowerCase();
  if (COMMON_FRAGMENTS.some((f) => lower.includes(f))) return 'must not contain a commonly guessed word such as "password" or "123456"';
  const words = ownerWords(owner);
  const result = estimate(password, words);
  const builtOnOwner = 'must not be built on your email address or organisation name';
  if (result.guessesLog10 < MIN_GUESSES_LOG10) {
    return result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs') ? builtOnOwner : `must be harder to guess: ${reason(result)}`;
  }
  // What is left without the owner's words must hold up on its own: "jo.bloggs-rocks-2025" for
  // jo.bloggs@... is "-rocks-2025" to anyone who knows whose account it is.
  const rest = withoutOwnerWords(password, words);
  if (rest !== password && estimate(rest, words).guessesLog10 < MIN_GUESSES_LOG10) return builtOnOwner;
  return null;
}
