import { createHash } from 'node:crypto';
import type { FileStore } from '../../common/node/file-store';
import { INVOICE_ID } from '../../common/spending/spending-schemas';
import { AppError } from '../http/app-error';

export type InvoiceType = 'pdf' | 'png' | 'jpg';

export const INVOICE_CONTENT_TYPE: Record<InvoiceType, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' };

/**
 * An invoice's type told from its first bytes, never from its name or Content-Type (which the sender
 * chooses): a PDF starts `%PDF-`, a PNG with its 8-byte signature, a JPEG with FF D8 FF. Null for
 * anything else.
 */
export function invoiceTypeOf(data: Buffer): InvoiceType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg';
  return null;
}

/** The file store's key of an invoice id (`<sha256>.<type>`): invoices live apart from images and print PDFs. */
export const invoiceKeyOf = (invoiceId: string): string => `invoices/${invoiceId}`;

/** The invoice id of a file store key. */
export const invoiceIdOfKey = (key: string): string => key.slice('invoices/'.length);

/** Stores an uploaded invoice under the hash of its bytes; a file that is not a PDF, PNG or JPEG is refused (415 naming `invoice`). */
export async function storeInvoice(store: FileStore, data: Buffer): Promise<{ invoiceId: string; type: InvoiceType; bytes: number }> {
  const type = invoiceTypeOf(data);
  if (!type) throw new AppError(415, 'invoice_type', 'an invoice must be a PDF or an image (PNG or JPEG)', [{ path: 'invoice', message: 'must be a PDF, PNG or JPEG file' }]);
  const invoiceId = `${createHash('sha256').update(data).digest('hex')}.${type}`;
  const key = invoiceKeyOf(invoiceId);
  if (!(await store.stat(key))) await store.put(key, data);
  return { invoiceId, type, bytes: data.length };
}

/** The file store's key of an invoice a request names, once it is sure to be stored; a 400 naming `field` otherwise. */
export async function storedInvoiceKey(store: FileStore, invoiceId: string | null, field = 'invoiceId'): Promise<string | null> {
  if (invoiceId === null) return null;
  const key = INVOICE_ID.test(invoiceId) ? invoiceKeyOf(invoiceId) : null;
  if (!key || !(await store.stat(key))) throw AppError.validation([{ path: field, message: 'must be the id of an uploaded invoice (upload it first)' }]);
  return key;
}
