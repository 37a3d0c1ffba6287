/** One plain-text email. */
export interface MailMessage {
  /** One address. */
  to: string;
  subject: string;
  /** Plain text: printers read it in any mail client, and the screen shows it to copy when it was not sent. */
  text: string;
  /** Where replies go (the agent, for an order), when not to MAIL_FROM. */
  replyTo?: string;
}

/** What became of a message: sent to the SMTP server, or kept for a person to copy. */
export type MailOutcome = { sent: true } | { sent: false; reason: 'not_configured' | 'refused' };

/**
 * How Rosette sends email. `send` never throws: a message that could not be sent is answered as not
 * sent, and the caller shows its text to copy (the order it belongs to is recorded either way).
 */
export interface Mailer {
  send(message: MailMessage): Promise<MailOutcome>;
}
