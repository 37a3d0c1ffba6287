/**
 * What an account may do. A campaigner designs, saves and prints for their organisation and shares
 * finished PDFs; an agent (the election agent, or someone they authorise: an organisation may have
 * several) does all that and also signs off designs before they are printed; an admin may do what a
 * campaigner does for their own organisation too, and runs the site: accounts, roles, maintenance, the
 * queue and the audit log. Volunteers have no account: they hold share links.
 */
export const ROLES = ['admin', 'agent', 'campaigner'] as const;
export type Role = (typeof ROLES)[number];

/** The roles an admin can give an account of an organisation (an admin's own role is given at invite time). */
export const ORGANISATION_ROLES = ['campaigner', 'agent'] as const satisfies readonly Role[];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
