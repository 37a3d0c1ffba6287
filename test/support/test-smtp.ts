import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitForValue } from './wait-for';

/** One message the test SMTP server received, as a mail client would read it. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  replyTo: string | null;
}

/**
 * A real SMTP server in this process (the smtp-server package) on a free loopback port, keeping every
 * message it receives, parsed with mailparser. No TLS and no login: it is only reachable from this machine.
 * @param options.refuse Recipients it answers 550 for.
 */
export async function startTestSmtp(options: { refuse?: readonly string[] } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A recipient the server will not take (550), as a real one refuses an unknown mailbox.
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          received.push({
            to: (session.envelope.rcptTo ?? []).map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            replyTo: mail.replyTo?.value[0]?.address ?? null,
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  server.on('error', () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    /** SMTP_URL for Rosette. */
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Waits until a message to `address` has arrived, and answers the first such. */
    mailTo: (address: string) => waitForValue(`an email to ${address}`, () => received.find((m) => m.to.includes(address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startTestSmtp>>;
