import { z } from 'zod';
import { ROLES } from '../../common/accounts/roles';

/** `invited`: no password yet (the invite link sets it); `active`: may sign in; `disabled`: may not. */
export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** An account as stored in Redis (a hash of strings); parsed on every read, so a bad record is never trusted. */
export const storedAccountSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{32}$/),
  email: z.string().min(3),
  role: z.enum(ROLES),
  orgId: z.string().regex(/^[a-f0-9]{32}$/),
  status: z.enum(ACCOUNT_STATUSES),
  /** scrypt hash; empty until the invite is accepted. */
  passwordHash: z.string().default(''),
  /** Keyed digest of the pending invite token; empty when there is none. */
  inviteDigest: z.string().default(''),
  /** Milliseconds since the epoch. */
  createdAt: z.coerce.number().int(),
});
export type Account = z.output<typeof storedAccountSchema>;

/** An organisation (a local party): every account and every design and print job belongs to one. */
export interface Organisation {
  id: string;
  name: string;
}
