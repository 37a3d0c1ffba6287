import type { MailMessage } from '../email/mailer';

/**
 * The email of an invite (or of access reset by an admin): the set-password link, with the token in the
 * address's fragment as the screen shows it, and until when it works. Sent to the invited address only.
 * @param link the whole link: PUBLIC_URL and the invite's path.
 */
export function inviteEmail(input: { to: string; organisation: string; link: string; expiresAt: number; reset: boolean }): MailMessage {
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' }).format(new Date(input.expiresAt));
  const text = [
    input.reset ? `An admin reset your access to Rosette for ${input.organisation}.` : `You are invited to Rosette, for ${input.organisation}: design leaflets and posters and send them to print.`,
    '',
    `Choose your password here (the link works once, until ${until}, UK time):`,
    input.link,
    '',
    'If you did not expect this, you can ignore it: nothing happens until the link is used.',
  ].join('\n');
  return { to: input.to, subject: input.reset ? 'Set a new password for Rosette' : `Your invite to Rosette (${input.organisation})`, text };
}
