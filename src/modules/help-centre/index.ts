/** The help-centre module's public API: what other modules, the server, the workers, the seed and tests use. */
export * from "./help-article-service.ts";
import "./schema/help-article.ts";
