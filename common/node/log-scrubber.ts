import { Writable } from 'node:stream';

/**
 * The last line of defence behind pino's redaction: patterns that must never reach a log file,
 * whatever field (or message) they hide in. Redaction by path catches the fields we know about; this
 * catches an email address or a share link that arrives in a URL, an error message or a new field.
 */
const SCRUBBERS: Array<[RegExp, string]> = [
  // Email addresses.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  // Share links and their JSON and PDF routes, in any case (`/S/`, `/API/SHARE/`): the token is the whole credential.
  [/\/(s|api\/share)\/[A-Za-z0-9_-]{16,}/gi, '/$1/[token]'],
  // Invite links (they travel in the fragment, but a pasted one could arrive in a field).
  [/#\/invite\/[A-Za-z0-9_-]{16,}/g, '#/invite/[token]'],
  // Session cookies, should a raw Cookie or Set-Cookie header slip through.
  [/((?:__Host-)?rosette_session=)[^;\s"\\]+/g, '$1[redacted]'],
];

/** Replaces every secret-looking part of one serialised log line. */
export function scrubLogLine(line: string): string {
  let out = line;
  for (const [pattern, replacement] of SCRUBBERS) out = out.replace(pattern, replacement);
  return out;
}

/** A stream that scrubs each line before handing it to `destination` (stdout by default). */
export function scrubbingStream(destination: { write(chunk: string): unknown } = process.stdout): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      destination.write(scrubLogLine(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
      callback();
    },
  });
}
