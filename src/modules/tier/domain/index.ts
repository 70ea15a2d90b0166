/** The tier rules other modules may use (pure: under the purity guard). */
export * from "./channels.ts";
export * from "./language.ts";
export * from "./tier-definition.ts";
