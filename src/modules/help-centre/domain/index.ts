/** The help-centre rules other modules may use (pure: under the purity guard). */
export * from "./article-input.ts";
