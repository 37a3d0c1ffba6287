import type { Mailer, MailOutcome } from './mailer';

/**
 * When no SMTP server is configured: nothing is sent, and each message is answered as not sent, so the
 * screen shows its text and link to copy (as invite links are copied by hand).
 */
export class UnsentMailer implements Mailer {
  async send(): Promise<MailOutcome> {
    return { sent: false, reason: 'not_configured' };
  }
}
