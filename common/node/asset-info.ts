import { z } from 'zod';
import type { FileStore } from './file-store';
import { assetInfoKey } from '../queue/names';

/** An asset id: the sha256 (hex) of the stored image bytes. */
export const ASSET_ID = /^[a-f0-9]{64}$/;

/** The image formats Rosette stores (pdfkit embeds only these two). */
export const assetTypeSchema = z.enum(['jpeg', 'png']);
export type AssetType = z.infer<typeof assetTypeSchema>;

/** File extension of each stored format, as used in `assetKey(id, ext)`. */
export const ASSET_EXTENSION: Record<AssetType, 'jpg' | 'png'> = { jpeg: 'jpg', png: 'png' };

/**
 * The facts stored next to an uploaded image (`assets/<id>.json`). The server writes them once after
 * processing the upload; the server (fit checks) and the worker (rendering) read them without opening
 * the image.
 */
export const assetInfoSchema = z.object({
  /** sha256 (hex) of the stored image bytes, which are the processed upload, not the original. */
  id: z.string().regex(ASSET_ID),
  /** Format of the stored bytes. */
  type: assetTypeSchema,
  /** Width in pixels, after EXIF orientation was applied. */
  width: z.number().int().positive(),
  /** Height in pixels, after EXIF orientation was applied. */
  height: z.number().int().positive(),
  /** Size of the stored image in bytes. */
  bytes: z.number().int().positive(),
});
export type AssetInfo = z.infer<typeof assetInfoSchema>;

/**
 * The stored facts of asset `id`, or null when there is no such asset (including ids that are not
 * 64 hex digits, so a caller can pass user input straight through). A stored file that does not
 * parse is a fault of the store, not of the caller, and throws.
 */
export async function readAssetInfo(store: FileStore, id: string): Promise<AssetInfo | null> {
  if (!ASSET_ID.test(id)) return null;
  const data = await store.read(assetInfoKey(id));
  if (!data) return null;
  const info = assetInfoSchema.parse(JSON.parse(data.toString('utf8')));
  if (info.id !== id) throw new Error(`asset info ${assetInfoKey(id)} names another asset (${info.id})`);
  return info;
}
