import type { Tier } from '../../scripts/triageTypes.js';
import type { CustomerRecord } from '../handoff/customerDirectory.js';

export interface CustomerQuery {
  /** Case-insensitive text to find in the id or the name. */
  readonly q?: string;
  readonly tier?: Tier;
  readonly offset: number;
  readonly limit: number;
}

/** A directory record as listed to admins, with when it was last imported (epoch ms). */
export type ListedCustomer = CustomerRecord & { readonly updatedAt: number };

/**
 * The customer directory as the admin console browses it; owned by the admin customer routes,
 * served by the same adapter as the `CustomerDirectory` the handoff reads.
 */
export interface CustomerListing {
  list(query: CustomerQuery): Promise<{ items: ListedCustomer[]; total: number }>;
}
