import type { PrintOrderResponse } from '../../common/orders/print-order';
import type { Account } from '../accounts/account';
import { invoiceContentType } from './invoice-file';
import type { PrintOrderCase } from './print-order-desk';
import type { PrintOrderTransition } from './print-order-store';

/** An order as its organisation's accounts see it (nobody is named: only whether it was the one asking). */
export function printOrderResponse(c: PrintOrderCase, history: PrintOrderTransition[], pdfUrl: string, viewer: Account, zipUrl: string | null = null): PrintOrderResponse {
  const { order } = c;
  const url = `/api/print-orders/${order.id}`;
  const email = order.printerEmail;
  return {
    id: order.id,
    designId: order.designId,
    version: order.version,
    title: c.title,
    format: c.format,
    printer: { id: c.printer.id, name: c.printer.name },
    quantity: order.quantity,
    run: order.run ? { id: order.run.runId, url: `/api/runs/${order.run.runId}`, versions: c.versions ?? [], zipUrl: order.status === 'draft' ? null : zipUrl } : null,
    stock: order.stock,
    deliveryAddress: order.deliveryAddress,
    neededBy: order.neededBy,
    pricePence: order.pricePence,
    vatPence: order.vatPence,
    priceSource: order.priceSource,
    status: order.status,
    pdfUrl: order.status === 'draft' ? null : pdfUrl,
    invoice: order.invoice ? { contentType: invoiceContentType(order.invoice.key), bytes: order.invoice.bytes, url: `${url}/invoice` } : null,
    printerEmail: email ? { to: 'printer', address: email.to, subject: email.subject, text: email.text, sent: email.sent === true } : null,
    history: history.map((t) => ({ from: t.from, to: t.to, at: new Date(t.at).toISOString(), byYou: t.actorId === viewer.id })),
    createdAt: new Date(order.createdAt).toISOString(),
    updatedAt: new Date(order.updatedAt).toISOString(),
    url,
  };
}
