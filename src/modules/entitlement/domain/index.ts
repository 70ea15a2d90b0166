/** The entitlement rules other modules may use (pure: under the purity guard). */
export * from "./effective-tier.ts";
export * from "./paid-levels.ts";
export * from "./types.ts";
