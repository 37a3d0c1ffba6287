/** Fewest characters of a server secret (32 random base64 characters carry 192 bits). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Why a configured secret is too weak to run a production server with, or null when it will do.
 * It cannot measure randomness, only refuse the obvious: short, repetitive, or a placeholder.
 */
export function secretProblem(secret: string | undefined): string | null {
  if (secret === undefined || secret.length === 0) return 'is missing';
  if (secret.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32)`;
  if (new Set(secret).size < 12) return 'repeats too few characters to be random (try: openssl rand -base64 32)';
  if (/change|secret|example|default|password|xxxxx|12345/i.test(secret)) return 'looks like a placeholder, not a random value (try: openssl rand -base64 32)';
  return null;
}
