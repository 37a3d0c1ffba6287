import type { Transaction } from 'kysely';
import type { PlaceOrderInput } from '../../common/orders/place-order-input';
import type { Database } from '../database/schema';
import type { PrintOrderRecord } from './print-order-store';

/** A print order at the moment it is placed, with what a spending record needs besides its own fields. */
export interface PlacedPrintOrder extends PrintOrderRecord {
  /** The supplier, as the order names it (and the imprint). */
  printer: { id: string; name: string; address: string };
  /** The design's title, for the item's description. */
  title: string;
  /** The account that placed it. */
  placedBy: string;
  /** Milliseconds since the epoch. */
  placedAt: number;
  /** The election it is spending for and its split between the candidates, as the agent placing it said. */
  spending: PlaceOrderInput['spending'];
}

/**
 * Called once for every order placed, inside the transaction that moves it from draft to placed (the
 * order's row is locked): what it writes with `tx` commits with the placing, and if it throws, the order
 * stays a draft and the agent gets the error (nothing is emailed). The spending ledger hooks in here.
 */
export type OnOrderPlaced = (order: PlacedPrintOrder, tx: Transaction<Database>) => Promise<void>;

