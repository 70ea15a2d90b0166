/** The entitlement rules other modules may use (pure: under the purity guard). */
export * from "./effective-tier.ts";
export { paidInUnits, unitsLeft } from "./evaluate.ts";
export * from "./paid-levels.ts";
export * from "./types.ts";
