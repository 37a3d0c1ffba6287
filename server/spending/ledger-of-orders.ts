import { ukDateOf } from '../../common/spending/uk-date';
import { AppError } from '../http/app-error';
import type { OnOrderPlaced } from '../print-orders/on-order-placed';
import type { PrintOrderDeskDeps } from '../print-orders/print-order-desk';
import type { SpendingStore } from './spending-store';

/**
 * The print orders' hooks into the spending ledger: a placed order becomes an entry (supplier, the day
 * it was placed, the price with its VAT, the election and split the agent chose) in the placing's own
 * transaction; a placed order cancelled is reversed in the cancelling's; and its invoice, when it
 * arrives, is listed with its entry.
 * @param placed replaces the entry's recording (tests that make the ledger refuse); the real one when absent.
 */
export function ledgerOfOrders(
  spending: SpendingStore,
  placed?: OnOrderPlaced,
): Pick<PrintOrderDeskDeps, 'onOrderPlaced' | 'onOrderCancelled' | 'onInvoiceAttached'> {
  return {
    onOrderPlaced:
      placed ??
      (async (order, tx) => {
        await spending.recordOrder(tx, {
          orgId: order.orgId,
          printOrderId: order.id,
          accountId: order.placedBy,
          electionId: order.spending.electionId,
          // A run's order is one entry: its copies in all, and in how many versions.
          item: `${order.quantity.toLocaleString('en-GB')} copies of “${order.title}”${order.run ? ` in ${order.run.quantities.length} versions` : ''} (${order.stock})`.slice(0, 200),
          supplierName: order.printer.name,
          supplierAddress: order.printer.address,
          incurredOn: ukDateOf(order.placedAt),
          amountPence: order.pricePence,
          vatPence: order.vatPence,
          split: order.spending.split,
        });
      }),
    async onOrderCancelled(order, actorId, tx) {
      // A placed order's spending did not happen: its entry is reversed (a draft has none).
      await spending.reverseOrder(tx, order.orgId, order.id, actorId, 'The print order was cancelled');
    },
    async onInvoiceAttached(orgId, orderId, invoiceKey, actorId) {
      try {
        await spending.attachOrderInvoice(orgId, orderId, invoiceKey, actorId);
      } catch (err) {
        // The entry has an invoice already (attached by hand on the Spending page): it keeps that one.
        if (err instanceof AppError && err.status === 409) return;
        throw err;
      }
    },
  };
}
