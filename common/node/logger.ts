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
 * A logger with personal data redacted, every line scrubbed on its way out (in either format: the
 * scrubber reads the JSON line before it is made pretty).
 * @param destination Where lines go (stdout by default); tests pass a stream that keeps them.
 * @param format JSON lines (the default), or a line of text each for people (logFormatFor decides).
 */
export function createLogger(name: string, level: string, destination?: { write(chunk: string): unknown }, format: LogFormat = 'json'): Logger {
  const out = format === 'pretty' ? prettyDestination(destination) : destination;
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, scrubbingStream(out));
}

/** How lines are written: JSON for collectors, or a line of text each for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The format LOG_FORMAT asks for; `auto` is pretty in development when the output is a terminal
 * (`npm start` in a shell), JSON otherwise (containers, files, pipes, tests).
 */
export function logFormatFor(config: { LOG_FORMAT: 'auto' | LogFormat; NODE_ENV: string }, isTerminal: boolean): LogFormat {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT;
  return config.NODE_ENV === 'development' && isTerminal ? 'pretty' : 'json';
}

/**
 * One line per event for people: time, level, process, message, then the other fields on the same
 * line (an error's stack on the lines below); a request is "[20:23:50] INFO (server): GET
 * /api/templates 200 in 3 ms" (pino-http's req, res and route are folded in).
 * pino-pretty is loaded only here, so a process that logs JSON never loads it.
 */
export function prettyDestination(destination?: { write(chunk: string): unknown }): { write(chunk: string): unknown } {
  const { build } = require('pino-pretty') as typeof import('pino-pretty');
  return build({
    // Standard output unless told (synchronously, so a crash's last lines are not lost).
    destination: (destination as NodeJS.WritableStream | undefined) ?? 1,
    sync: destination === undefined,
    colorize: destination === undefined && process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime,reqId,route',
    singleLine: true,
    messageFormat: (log, messageKey) => {
      const req = log.req as { method?: string; path?: string } | undefined;
      const res = log.res as { statusCode?: number } | undefined;
      if (req?.method && res?.statusCode) return `${req.method} ${req.path ?? ''} ${res.statusCode} in ${String(log.responseTime ?? '?')} ms`;
      return String(log[messageKey] ?? '');
    },
  });
}
