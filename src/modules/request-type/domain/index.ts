/** The request-type rules other modules may use (pure: under the purity guard). */
export * from "./request-type-definition.ts";
