/** The subscription rules other modules may use (pure: under the purity guard). */
export * from "./coverage.ts";
