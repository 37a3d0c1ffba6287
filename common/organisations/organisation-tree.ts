import { z } from 'zod';

/**
 * Most levels an organisation tree may have (a national party, its regions, their counties, their
 * local parties). Migration 0050's trigger holds the same number: change both together.
 */
export const ORGANISATION_TREE_MAX_DEPTH = 4;

/** The body of PUT /api/admin/organisations/:orgId/parent: the new parent's id, or null for none. */
export const setParentSchema = z.strictObject(
  {
    parentId: z
      .string({ error: 'must be the id of an organisation, or null for none' })
      .regex(/^[a-f0-9]{32}$/, 'must be the id of an organisation (32 hexadecimal characters), or null for none')
      .nullable(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'only parentId can be set' : 'must be an object such as { "parentId": null }') },
);
export type SetParentInput = z.infer<typeof setParentSchema>;
