import { z } from 'zod';
import { lockedIdsSchema } from './template-locks';

/** The body of POST /api/published-templates. */
export const publishTemplateSchema = z.strictObject(
  {
    /** One of the organisation's saved designs. */
    designId: z.string({ error: 'must be the id of a saved design' }).regex(/^[a-f0-9]{32}$/, 'must be the id of a saved design (32 hexadecimal characters)'),
    /** Which saved version to publish; the current one when absent. */
    version: z.number({ error: 'must be a version number' }).int('must be a whole number').min(1, 'must be 1 or more').optional(),
    /** The ids of the elements those below cannot move, change or delete (such as the logo, a band, the imprint). */
    locked: lockedIdsSchema,
    /** The name the gallery shows; the design's title when absent. */
    name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'only designId, version, locked and name can be given' : 'must be an object such as { "designId": "...", "locked": ["logo"] }') },
);
export type PublishTemplateInput = z.infer<typeof publishTemplateSchema>;
