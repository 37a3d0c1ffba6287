import type { PlaceOrderInput } from '../../../common/orders/place-order-input';
import type { OrderEmailResponse, PrintOrderInput, PrintOrderResponse } from '../../../common/orders/print-order';
import type { PrinterInput, PrinterResponse } from '../../../common/orders/printer';
import { fetchJson } from './fetch-json';

export type { OrderEmailResponse, PrintOrderResponse, PrinterResponse };

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function listPrinters(): Promise<PrinterResponse[]> {
  return (await fetchJson<{ printers: PrinterResponse[] }>('/api/printers', { cache: 'no-store' })).printers;
}

/** Adds a printer (no id) or replaces one's details and price table. */
export function savePrinter(input: PrinterInput, id: string | null): Promise<PrinterResponse> {
  return id ? fetchJson<PrinterResponse>(`/api/printers/${encodeURIComponent(id)}`, send('PUT', input)) : fetchJson<PrinterResponse>('/api/printers', send('POST', input));
}

export function removePrinter(id: string): Promise<void> {
  return fetchJson<void>(`/api/printers/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listOrders(): Promise<PrintOrderResponse[]> {
  return (await fetchJson<{ orders: PrintOrderResponse[] }>('/api/print-orders', { cache: 'no-store' })).orders;
}

export function draftOrder(input: PrintOrderInput): Promise<PrintOrderResponse> {
  return fetchJson<PrintOrderResponse>('/api/print-orders', send('POST', input));
}

/** The move's verb in the API path. */
export type OrderMove = 'place' | 'printed' | 'delivered' | 'cancel';

/** Moves an order; placing it carries the election and split it is spending for (`PlaceOrderInput`). */
export function moveOrder(id: string, move: OrderMove, body: PlaceOrderInput | Record<string, never> = {}): Promise<PrintOrderResponse & { emails?: OrderEmailResponse[] }> {
  return fetchJson(`/api/print-orders/${encodeURIComponent(id)}/${move}`, send('POST', body));
}

/** Sends the invoice file as it is: the server tells a PDF or image by its content. */
export function uploadInvoice(id: string, file: Blob): Promise<PrintOrderResponse> {
  return fetchJson<PrintOrderResponse>(`/api/print-orders/${encodeURIComponent(id)}/invoice`, { method: 'PUT', headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file });
}
