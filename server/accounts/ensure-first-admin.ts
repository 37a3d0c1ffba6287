import type { Logger } from 'pino';
import { emailSchema } from '../../common/accounts/email-address';
import type { Config } from '../../common/node/config';
import type { AccountServices } from './account-services';
import { AccountExistsError } from './account-store';
import { hashPassword } from './password-hasher';

/**
 * At start-up: makes the first admin from FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD (already checked
 * for strength by loadConfig) when no account has that address. An existing account is left alone,
 * so a changed password in the configuration never overrides one set since.
 */
export async function ensureFirstAdmin(config: Pick<Config, 'FIRST_ADMIN_EMAIL' | 'FIRST_ADMIN_PASSWORD' | 'FIRST_ADMIN_ORG'>, services: Pick<AccountServices, 'accounts' | 'organisations' | 'audit'>, logger: Logger): Promise<void> {
  if (!config.FIRST_ADMIN_EMAIL || !config.FIRST_ADMIN_PASSWORD) return;
  const email = emailSchema.parse(config.FIRST_ADMIN_EMAIL);
  if (await services.accounts.findByEmail(email)) return;
  const org = await services.organisations.findOrCreate(config.FIRST_ADMIN_ORG);
  try {
    const account = await services.accounts.create({ email, role: 'admin', orgId: org.id, status: 'active', passwordHash: await hashPassword(config.FIRST_ADMIN_PASSWORD) });
    await services.audit.record('account.first-admin-created', null, account.id);
    logger.info({ accountId: account.id }, 'created the first admin account from FIRST_ADMIN_EMAIL');
  } catch (err) {
    // Another server process made it a moment ago.
    if (!(err instanceof AccountExistsError)) throw err;
  }
}
