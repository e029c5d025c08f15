import { TIERS, type KnownCustomer, type VipPolicy } from './triageTypes.js';

/** True when a known customer's tier is at or above the policy's, or they have spent enough. */
export function isVip(customer: KnownCustomer | undefined, policy: VipPolicy): boolean {
  if (!customer) return false;
  return TIERS.indexOf(customer.tier) >= TIERS.indexOf(policy.minTier) || customer.lifetimeValue >= policy.minLifetimeValue;
}
