import { language } from "../../account/domain/index.ts";
import { ValidationError } from "../../../domain/errors.ts";
import { requestTypeCode } from "../../request-type/domain/index.ts";

/** A help-centre article as a vendor writes it (004: customers read it before they open a ticket). */
export interface HelpArticleDefinition {
  title: string;
  body: string;
  /** ISO 639-1, e.g. "de" or "fr-CH": searched with that language's stemming */
  language: string;
  /** the request type codes it answers */
  requestTypes?: readonly string[] | null;
  keywords?: readonly string[] | null;
}

export type NormalisedHelpArticle = Required<{ [K in keyof HelpArticleDefinition]: NonNullable<HelpArticleDefinition[K]> }> & {
  requestTypes: string[];
  keywords: string[];
};

const MAX_TITLE = 200;
const MAX_BODY = 20_000;
const MAX_LIST = 20;
const MAX_KEYWORD = 60;
export const MAX_SEARCH_LENGTH = 200;

export function validateHelpArticle(article: HelpArticleDefinition): NormalisedHelpArticle {
  return {
    title: text("title", article.title, MAX_TITLE),
    body: text("body", article.body, MAX_BODY),
    language: language("language", article.language),
    requestTypes: list("requestTypes", article.requestTypes, (field, code) => requestTypeCode(field, code)),
    keywords: list("keywords", article.keywords, (field, keyword) => text(field, keyword, MAX_KEYWORD)),
  };
}

/** A search as customers type it: trimmed, null when empty. */
export function searchText(field: string, value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  if (trimmed.length > MAX_SEARCH_LENGTH) throw new ValidationError(field, `A search must be at most ${MAX_SEARCH_LENGTH} characters`);
  return trimmed || null;
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError(field, `${field} must not be empty`);
  if (trimmed.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

function list(field: string, values: readonly string[] | null | undefined, each: (field: string, value: string) => string): string[] {
  if (!values) return [];
  if (values.length > MAX_LIST) throw new ValidationError(field, `At most ${MAX_LIST} ${field}`);
  return [...new Set(values.map((value, index) => each(`${field}.${index}`, value)))];
}
