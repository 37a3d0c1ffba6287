import { z } from 'zod';
import { designSchema, type Design } from '../../common/design/design-schema';

/** A design saved on the server. It belongs to an organisation; only that organisation's accounts see it. */
export interface SavedDesign {
  id: string;
  orgId: string;
  /** The account that saved it first (never shown: accounts are not named to each other). */
  createdBy: string;
  title: string;
  design: Design;
  /** Which saved version this is: 1 for the first save, one more for each save after it. */
  version: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When this version was saved, milliseconds since the epoch. */
  updatedAt: number;
  /** The published template it was made from, whose locks every save and print keeps; null for the rest. */
  template: TemplateLink | null;
}

/** A published template and the version of it a design was made from. */
export interface TemplateLink {
  id: string;
  version: number;
}

/** The `template` of POST /api/designs: the published template (GET /api/published-templates) the design is made from. */
export const templateLinkSchema = z.object(
  {
    id: z.string({ error: 'must be the id of a published template' }).regex(/^[a-f0-9]{32}$/, 'must be the id of a published template (32 hexadecimal characters)'),
    version: z.number({ error: 'must be the version of the published template' }).int('must be a whole number').min(1, 'must be 1 or more'),
  },
  { error: 'must be an object such as { "id": "...", "version": 1 }' },
);

/** One saved version of a design, in its history (without the document). */
export interface DesignVersionSummary {
  version: number;
  title: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

/** The body of PUT /api/designs/:id. */
export const saveDesignSchema = z.object({ design: designSchema });

/** The body of POST /api/designs: a design, made from a published template when `template` is given. */
export const createDesignSchema = z.object({ design: designSchema, template: templateLinkSchema.optional() });

/** A design's title, as the design document checks it (trimmed, 1 to 120 characters, plain text). */
const titleSchema = designSchema.shape.title;

/** The body of PATCH /api/designs/:id: a new title (saved as a new version). */
export const renameDesignSchema = z.strictObject(
  { title: titleSchema },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'only the title can be changed this way; save the design with PUT to change the rest' : 'must be an object such as { "title": "Spring newsletter" }') },
);

/** The body of POST /api/designs/:id/duplicate: the copy's title, "Copy of <title>" when absent. */
export const duplicateDesignSchema = z.strictObject(
  { title: titleSchema.optional() },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'only a title can be given' : 'must be an object such as { "title": "Spring newsletter, Welsh" }') },
);

/** The title a copy gets when none is given: "Copy of Spring newsletter", cut to the 120 characters a title may have. */
export function copyTitleOf(title: string): string {
  return `Copy of ${title}`.slice(0, 120).trim();
}
