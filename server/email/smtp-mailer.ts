import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer, MailMessage, MailOutcome } from './mailer';

/** Longest one message may take to reach the SMTP server (connect, greet, send), milliseconds: an order's answer waits for it. */
export const SMTP_TIMEOUT_MS = 10_000;

/**
 * Email through the SMTP server of SMTP_URL (nodemailer). Failures are logged by code only: neither
 * addresses nor text reach the log (they are personal data).
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    const url = new URL(smtpUrl);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username && { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  async send(message: MailMessage): Promise<MailOutcome> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, ...(message.replyTo && { replyTo: message.replyTo }) });
      return { sent: true };
    } catch (err) {
      const code = (err as { code?: unknown; responseCode?: unknown }).code ?? (err as { responseCode?: unknown }).responseCode ?? 'unknown';
      this.logger.warn({ code: String(code) }, 'an email could not be sent; its text is shown to copy');
      return { sent: false, reason: 'refused' };
    }
  }

  close(): void {
    this.transport.close();
  }
}
