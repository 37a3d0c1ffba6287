import type { Logger } from 'pino';
import type { Config } from '../../common/node/config';
import type { Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';
import { UnsentMailer } from './unsent-mailer';

/** The mailer the configuration names: SMTP when SMTP_URL is set (loadConfig requires MAIL_FROM with it), otherwise none. */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>, logger: Logger): Mailer {
  if (config.SMTP_URL && config.MAIL_FROM) return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM, logger);
  return new UnsentMailer();
}
