import net from 'node:net';
import { createLogger } from '../../../common/node/logger';
import { loadConfig } from '../../../common/node/config';
import { createMailer } from '../../../server/email/create-mailer';
import { SmtpMailer } from '../../../server/email/smtp-mailer';
import { UnsentMailer } from '../../../server/email/unsent-mailer';
import { startTestSmtp, type TestSmtp } from '../../support/test-smtp';

let smtp: TestSmtp;
const logs: string[] = [];
const logger = createLogger('server', 'debug', { write: (line: string) => logs.push(line) });

beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
});

/** A loopback port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the SMTP mailer', () => {
  it('delivers a plain-text message, with its From and Reply-To, to the SMTP server of SMTP_URL', async () => {
    const mailer = createMailer(loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Rosette <rosette@example.org>' }), logger);
    expect(mailer).toBeInstanceOf(SmtpMailer);
    const outcome = await mailer.send({ to: 'printer@example.org', subject: 'Print order: 5,000 × Bus leaflet', text: 'PDF: https://print.example.org/downloads/x.pdf\nThanks £120.00', replyTo: 'agent@example.org' });
    expect(outcome).toEqual({ sent: true });
    const mail = await smtp.mailTo('printer@example.org');
    expect(mail).toMatchObject({ from: 'rosette@example.org', subject: 'Print order: 5,000 × Bus leaflet', replyTo: 'agent@example.org' });
    expect(mail.text.trim()).toBe('PDF: https://print.example.org/downloads/x.pdf\nThanks £120.00');
  });

  it('answers "not sent" when the server cannot be reached, and logs no address or text', async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${await closedPort()}`, 'rosette@example.org', logger);
    expect(await mailer.send({ to: 'secret-printer@example.org', subject: 'Secret subject', text: 'Secret text' })).toEqual({ sent: false, reason: 'refused' });
    const written = logs.join('\n');
    expect(written).toContain('an email could not be sent');
    for (const secret of ['secret-printer', 'Secret subject', 'Secret text']) expect(written).not.toContain(secret);
  });
});

describe('without SMTP configured', () => {
  it('sends nothing and answers "not sent", so the screen shows the text to copy', async () => {
    const mailer = createMailer(loadConfig({}), logger);
    expect(mailer).toBeInstanceOf(UnsentMailer);
    expect(await mailer.send({ to: 'printer@example.org', subject: 's', text: 't' })).toEqual({ sent: false, reason: 'not_configured' });
  });
});

describe('the email settings', () => {
  it('take smtp:// or smtps:// only, and MAIL_FROM with SMTP_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@example.org' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM must be set/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org', MAIL_FROM: 'a@example.org', PUBLIC_URL: 'https://print.example.org' })).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example.org', PUBLIC_URL: 'https://print.example.org' });
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
  });
});
