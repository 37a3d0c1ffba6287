import type { PrinterResponse } from '../../common/orders/printer';
import type { PrinterRecord } from './printer-store';

export function printerResponse(p: PrinterRecord): PrinterResponse {
  return { id: p.id, name: p.name, address: p.address, email: p.email, prices: p.prices, updatedAt: new Date(p.updatedAt).toISOString(), url: `/api/printers/${p.id}` };
}
