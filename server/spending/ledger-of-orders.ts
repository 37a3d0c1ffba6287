import { ukDateOf } from '../../common/spending/uk-date';
import { AppError } from '../http/app-error';
import type { OnOrderPlaced } from '../print-orders/on-order-placed';
import type { SpendingStore } from './spending-store';

/**
 * The print orders' hooks into the spending ledger: a placed order becomes an entry (supplier, the day
 * it was placed, the price with its VAT, the election and split the agent chose) in the placing's own
 * transaction, and its invoice, when it arrives, is listed with that entry.
 * @param placed replaces the entry's recording (tests that make the ledger refuse); the real one when absent.
 */
export function ledgerOfOrders(spending: SpendingStore, placed?: OnOrderPlaced): { onOrderPlaced: OnOrderPlaced; onInvoiceAttached: (orgId: string, orderId: string, invoiceKey: string, actorId: string) => Promise<void> } {
  return {
    onOrderPlaced:
      placed ??
      (async (order, tx) => {
        await spending.recordOrder(tx, {
          orgId: order.orgId,
          printOrderId: order.id,
          accountId: order.placedBy,
          electionId: order.spending.electionId,
          item: `${order.quantity.toLocaleString('en-GB')} copies of “${order.title}” (${order.stock})`.slice(0, 200),
          supplierName: order.printer.name,
          supplierAddress: order.printer.address,
          incurredOn: ukDateOf(order.placedAt),
          amountPence: order.pricePence,
          vatPence: order.vatPence,
          split: order.spending.split,
        });
      }),
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
