/**
 * The workflow of one print order. It starts as a `draft` (nothing sent); an agent places it (the
 * printer is emailed), then marks it printed and delivered; a draft or a placed order may be cancelled.
 * Delivered and cancelled are final: a wrong record is corrected by a new order, never rewritten.
 */
export const PRINT_ORDER_STATUSES = ['draft', 'placed', 'printed', 'delivered', 'cancelled'] as const;
export type PrintOrderStatus = (typeof PRINT_ORDER_STATUSES)[number];

/** Every allowed move, and only those: a status missing here does not compile, and a test walks each edge. */
export const PRINT_ORDER_TRANSITIONS: Record<PrintOrderStatus, readonly PrintOrderStatus[]> = {
  draft: ['placed', 'cancelled'],
  placed: ['printed', 'cancelled'],
  printed: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** The verb of the API path (POST /api/print-orders/:id/<verb>) and of the audit log entry (print-order.<verb>) for a move to each status. */
export const PRINT_ORDER_ACTIONS: Record<Exclude<PrintOrderStatus, 'draft'>, 'place' | 'printed' | 'delivered' | 'cancel'> = {
  placed: 'place',
  printed: 'printed',
  delivered: 'delivered',
  cancelled: 'cancel',
};

/** Whether an order may move from one status to the other. */
export function canMoveOrder(from: PrintOrderStatus, to: PrintOrderStatus): boolean {
  return PRINT_ORDER_TRANSITIONS[from].includes(to);
}

/** Statuses in which an invoice may be attached: once the order has gone to the printer. */
export const INVOICE_STATUSES: readonly PrintOrderStatus[] = ['placed', 'printed', 'delivered'];
