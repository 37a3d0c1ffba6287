/** Largest invoice accepted, bytes: a scanned or photographed invoice is well under this. */
export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;

/** The invoice types Rosette keeps, told from the file's first bytes (never its name or declared type). */
export const INVOICE_TYPES = {
  pdf: { contentType: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1') },
  png: { contentType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
} as const;
export type InvoiceExtension = keyof typeof INVOICE_TYPES;

/** The type of an invoice file by its content, or null when it is neither a PDF nor a PNG or JPEG image. */
export function invoiceTypeOf(data: Buffer): InvoiceExtension | null {
  for (const [ext, type] of Object.entries(INVOICE_TYPES) as Array<[InvoiceExtension, (typeof INVOICE_TYPES)[InvoiceExtension]]>) {
    if (data.length > type.magic.length && data.subarray(0, type.magic.length).equals(type.magic)) return ext;
  }
  return null;
}

/** The content type of a stored invoice, from its key's extension. */
export function invoiceContentType(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1) as InvoiceExtension;
  return INVOICE_TYPES[ext]?.contentType ?? 'application/octet-stream';
}
