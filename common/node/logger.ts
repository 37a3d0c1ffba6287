import pino, { type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log line: credentials, cookies and personal data
 * must never reach a log file.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'email',
  '*.email',
  'token',
  '*.token',
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  'imprint',
  '*.imprint',
  'design',
  '*.design',
];

/** A JSON logger to stdout with personal data redacted. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
