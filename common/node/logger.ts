import pino, { type Logger } from 'pino';
import { scrubbingStream } from './log-scrubber';

/**
 * Paths pino blanks out wherever they appear in a log line: credentials, cookies, tokens and personal
 * data must never reach a log file. Whatever escapes these is caught by the scrubber (log-scrubber.ts).
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'passwordHash',
  '*.passwordHash',
  'email',
  '*.email',
  'token',
  '*.token',
  'csrfToken',
  '*.csrfToken',
  'sessionId',
  '*.sessionId',
  'inviteUrl',
  '*.inviteUrl',
  'shareUrl',
  '*.shareUrl',
  'cookie',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  'imprint',
  '*.imprint',
  'design',
  '*.design',
];

/**
 * A JSON logger with personal data redacted, every line scrubbed on its way out.
 * @param destination Where lines go (stdout by default); tests pass a stream that keeps them.
 */
export function createLogger(name: string, level: string, destination?: { write(chunk: string): unknown }): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, scrubbingStream(destination));
}
