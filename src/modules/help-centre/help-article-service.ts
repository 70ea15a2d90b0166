import { requireStaff } from "../../auth/policy.ts";
import type { Viewer } from "../../auth/viewer.ts";
import { language as languageTag } from "../account/domain/index.ts";
import { NotFoundError } from "../../domain/errors.ts";
import { type HelpArticleDefinition, searchText, validateHelpArticle } from "./domain/index.ts";
import { requestTypeCode } from "../request-type/domain/index.ts";
import { type HelpArticle, Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../db/service-deps.ts";
import { selection } from "../../db/prisma-helpers.ts";
import type { RequestTypeService } from "../request-type/index.ts";

const STAFF_ONLY = "Only staff may change help-centre articles";

type Query = { select?: Prisma.HelpArticleSelect };
export type HelpArticlePatch = { [K in keyof HelpArticleDefinition]?: HelpArticleDefinition[K] | null } & { id: string };

export interface HelpArticleFilter {
  search?: string | null;
  requestType?: string | null;
  language?: string | null;
}

/** What a customer is about to ask: articles in its language, for its request type or matching its words. */
export interface HelpArticleQuestion {
  language: string;
  requestTypeCode: string;
  text?: string | null;
  limit: number;
}

/** How much of a ticket's text is matched against articles: the gist is at the start. */
const MAX_QUESTION_TEXT = 2_000;

/**
 * Help-centre articles (004: customers are pointed to them before they open a ticket). Staff write
 * them; everyone signed in reads them. Matching is PostgreSQL full-text search with the stemming
 * of the article's language (the generated `document` column, see its migration); a language
 * matches by its primary subtag, as channels do.
 */
export class HelpArticleService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly requestTypes: RequestTypeService,
  ) {}

  async create(viewer: Viewer, definition: HelpArticleDefinition, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const article = await this.validate(definition);
    return this.deps.prisma.helpArticle.create({ ...selection(query), data: article });
  }

  /** What is given replaces; left out or null keeps. */
  async update(viewer: Viewer, patch: HelpArticlePatch, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    const current = await this.require(patch.id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined && value !== null));
    const article = await this.validate({ ...current, ...given });
    return this.deps.prisma.helpArticle.update({ ...selection(query), where: { id: current.id }, data: article });
  }

  async delete(viewer: Viewer, id: string, query: Query = {}) {
    requireStaff(viewer, STAFF_ONLY);
    await this.require(id);
    return this.deps.prisma.helpArticle.delete({ ...selection(query), where: { id } });
  }

  /** One page of the articles matching `filter`, best match first (newest first without a search). */
  async search(filter: HelpArticleFilter, page: { limit: number; offset: number }): Promise<{ rows: HelpArticle[]; totalCount: number }> {
    const search = searchText("search", filter.search);
    const language = filter.language ? languageTag("language", filter.language) : null;
    const requestType = filter.requestType ? (await this.requestTypes.require("requestType", filter.requestType)).code : null;
    const config = language ? Prisma.sql`help_article_config(${language}::text)` : Prisma.sql`help_article_config(a.language)`;
    const tsquery = Prisma.sql`websearch_to_tsquery(${config}, ${search}::text)`;
    const [result] = await this.deps.prisma.$queryRaw<{ total: number; ids: string[] }[]>`
      WITH matching AS (
        SELECT a.id, a."createdAt", ${search ? Prisma.sql`ts_rank(a.document, ${tsquery})` : Prisma.sql`0`} AS rank
        FROM "HelpArticle" AS a
        WHERE ${language ? samePrimaryLanguage(language) : Prisma.sql`TRUE`}
          AND ${requestType ? Prisma.sql`${requestType}::text = ANY(a."requestTypes")` : Prisma.sql`TRUE`}
          AND ${search ? Prisma.sql`a.document @@ ${tsquery}` : Prisma.sql`TRUE`}
      )
      SELECT (SELECT count(*) FROM matching)::int AS total,
             ARRAY(SELECT id FROM matching ORDER BY rank DESC, "createdAt" DESC, id LIMIT ${page.limit} OFFSET ${page.offset}) AS ids`;
    return { rows: await this.inOrder(result!.ids), totalCount: result!.total };
  }

  /**
   * The articles to point a customer to: in the question's language, for its request type or
   * sharing words with its text (any of them), best match first.
   */
  async suggest(question: HelpArticleQuestion): Promise<HelpArticle[]> {
    const text = question.text?.slice(0, MAX_QUESTION_TEXT) ?? null;
    const ids = await this.deps.prisma.$queryRaw<{ id: string }[]>`
      WITH words AS (
        SELECT (SELECT string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '\\''') || '''', ' | ')
                FROM unnest(to_tsvector(help_article_config(${question.language}::text), ${text}::text)))::tsquery AS query
      )
      SELECT a.id FROM "HelpArticle" AS a, words
      WHERE ${samePrimaryLanguage(question.language)}
        AND (${question.requestTypeCode}::text = ANY(a."requestTypes") OR a.document @@ words.query)
      ORDER BY ts_rank(a.document, words.query) DESC NULLS LAST, (${question.requestTypeCode}::text = ANY(a."requestTypes")) DESC, a."createdAt" DESC, a.id
      LIMIT ${question.limit}`;
    return this.inOrder(ids.map(({ id }) => id));
  }

  private async inOrder(ids: string[]): Promise<HelpArticle[]> {
    const rows = await this.deps.prisma.helpArticle.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async require(id: string) {
    const article = await this.deps.prisma.helpArticle.findUnique({ where: { id } });
    if (!article) throw new NotFoundError("id", "No such help-centre article");
    return article;
  }

  private async validate(definition: HelpArticleDefinition) {
    const article = validateHelpArticle(definition);
    for (const [index, code] of article.requestTypes.entries())
      await this.requestTypes.require(`requestTypes.${index}`, requestTypeCode(`requestTypes.${index}`, code));
    return article;
  }
}

const samePrimaryLanguage = (language: string) => Prisma.sql`split_part(lower(a.language), '-', 1) = split_part(lower(${language}::text), '-', 1)`;
