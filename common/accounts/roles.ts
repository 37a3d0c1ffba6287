/**
 * What an account may do. A campaigner designs, saves and prints for their organisation and shares
 * finished PDFs; an admin may do that for their own organisation too, and runs the site: accounts,
 * maintenance, the queue and the audit log. Volunteers have no account: they hold share links.
 */
export const ROLES = ['admin', 'campaigner'] as const;
export type Role = (typeof ROLES)[number];
