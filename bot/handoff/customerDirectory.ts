import { z } from 'zod';
import { TIERS, type KnownCustomer } from '../../scripts/triageTypes.js';

export const CustomerRecordSchema = z.object({
  id: z.string().trim().min(1).max(256),
  name: z.string().trim().max(256).default(''),
  tier: z.enum(TIERS, { error: `must be one of ${TIERS.join(', ')}` }),
  lifetimeValue: z.coerce.number().min(0, 'must not be negative').default(0),
});
export type CustomerRecord = z.infer<typeof CustomerRecordSchema>;

/** The shop's customers as the server knows them: the only source of a customer's tier. */
export interface CustomerDirectory {
  get(id: string): Promise<(KnownCustomer & { id: string; name: string }) | undefined>;
  /** Adds or replaces every record, all or none. */
  import(records: readonly CustomerRecord[]): Promise<{ imported: number; created: number; updated: number }>;
}
