import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder } from "../../../graphql/builder.ts";
import { EntitlementObject } from "../../entitlement/index.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import { decodeId } from "../../../graphql/global-id.ts";
import { globalIdField, type InputFields } from "../../../graphql/input-fields.ts";

const SUGGESTIONS = 5;

const HelpArticle = builder.prismaNode("HelpArticle", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "A help-centre article: customers are pointed to matching ones before they open a ticket.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    title: t.exposeString("title", { description: "The article's headline, searched with the highest weight." }),
    body: t.exposeString("body", { description: "The article's text." }),
    language: t.exposeString("language", { description: "ISO 639-1; searched with that language's stemming (de, en, fr, es)." }),
    requestTypes: t.exposeStringList("requestTypes", { description: "Codes of the request types it answers." }),
    keywords: t.exposeStringList("keywords", { description: "Words customers use that the text may not; searched too." }),
    createdAt: t.expose("createdAt", { description: "When it was written.", type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { description: "When it last changed.", type: "DateTime" }),
  }),
});

const FIRST = { required: false, defaultValue: SUGGESTIONS, description: `At most this many (default ${SUGGESTIONS}, up to 20).` } as const;
const limitOf = (first: number | null | undefined) => Math.max(0, Math.min(first ?? SUGGESTIONS, 20));

builder.objectField(EntitlementObject, "helpArticles", (t) =>
  t.field({
    type: [HelpArticle],
    description: "Articles for this request type in the answer's language: read them before opening a ticket.",
    args: { first: t.arg.int(FIRST) },
    resolve: (e, { first }, ctx) => ctx.services.helpArticles.suggest({ language: e.language, requestTypeCode: e.requestTypeCode, limit: limitOf(first) }),
  }),
);

builder.prismaObjectField("Ticket", "helpArticles", (t) =>
  t.field({
    type: [HelpArticle],
    description:
      "Articles that may answer the ticket: for its request type or sharing words with it, in its language, best match first. One search per ticket: ask for it on a ticket, not across a list page.",
    args: { first: t.arg.int(FIRST) },
    select: { language: true, subject: true, body: true, requestType: { select: { code: true } } },
    resolve: (ticket, { first }, ctx) =>
      ctx.services.helpArticles.suggest({
        language: ticket.language,
        requestTypeCode: ticket.requestType.code,
        text: `${ticket.subject}\n${ticket.body}`,
        limit: limitOf(first),
      }),
  }),
);

builder.queryField("helpArticles", (t) =>
  t.connection(
    {
      type: HelpArticle,
      authScopes: { authenticated: true },
      description: "The help centre: best match first with a search (full text, in each article's language), else newest first.",
      args: {
        search: t.arg.string({ required: false, description: 'Words, "a phrase", or -excluded, as in a web search.' }),
        requestType: t.arg.string({ required: false, description: "Only articles for this request type code." }),
        language: t.arg.string({ required: false, description: "Only articles in this language (primary subtag), searched with its stemming." }),
      },
      resolve: async (_root, args, ctx) => {
        let totalCount = 0;
        const page = await resolveOffsetConnection({ args }, async (slice) => {
          const found = await ctx.services.helpArticles.search(args, slice);
          totalCount = found.totalCount;
          return found.rows;
        });
        return { ...page, totalCount };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: (connection) => (connection as { totalCount: number }).totalCount }) }) },
  ),
);

const articleFields = (t: InputFields, required: boolean) => ({
  title: t.string({ required, description: "The headline, 1–200 characters after trimming; searched with the highest weight." }),
  body: t.string({ required, description: "The text, 1–20,000 characters after trimming; searched with the language's stemming." }),
  language: t.string({ required, description: 'ISO 639-1, e.g. "de" or "fr-CH".' }),
  requestTypes: t.stringList({ required: false, description: "Request type codes it answers; replaces the whole list." }),
  keywords: t.stringList({ required: false, description: "Words customers use that the text may not; replaces the whole list." }),
});

const HelpArticleCreateInput = builder.inputType("HelpArticleCreateInput", {
  description: "A new help-centre article in one language; lists left out start empty.",
  fields: (t) => articleFields(t, true),
});
const HelpArticleUpdateInput = builder.inputType("HelpArticleUpdateInput", {
  description: "Fields left out are kept.",
  fields: (t) => ({ id: globalIdField(t, "article"), ...articleFields(t, false) }),
});
const HelpArticleDeleteInput = builder.inputType("HelpArticleDeleteInput", {
  description: "An article to remove for good; tickets and answers stop suggesting it at once.",
  fields: (t) => ({ id: globalIdField(t, "article") }),
});

const result = { types: COMMON_ERRORS, dataField: { name: "helpArticle", description: "The article as written (for a delete, as it was before removal)." } };
const articleId = (input: { id: string }) => decodeId("id", input.id, "HelpArticle").id;

builder.mutationFields((t) => ({
  helpArticleCreate: t.prismaField({
    description: "Writes a help-centre article in one language, searchable at once; staff only.",
    type: "HelpArticle",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: HelpArticleCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.helpArticles.create(ctx.viewer, input, query),
  }),
  helpArticleUpdate: t.prismaField({
    description: "Changes an article; fields left out are kept, lists given replace the whole list.",
    type: "HelpArticle",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: HelpArticleUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.helpArticles.update(ctx.viewer, { ...input, id: articleId(input) }, query),
  }),
  helpArticleDelete: t.prismaField({
    type: "HelpArticle",
    authScopes: { staff: true },
    description: "Removes an article; the success carries it as it was.",
    errors: result,
    args: { input: t.arg({ type: HelpArticleDeleteInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.helpArticles.delete(ctx.viewer, articleId(input), query),
  }),
}));
