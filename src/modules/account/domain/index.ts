/** The account rules other modules may use (pure: under the purity guard). */
export * from "./account-input.ts";
