import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf } from "../../helpers/gql.ts";
import { queryCounter } from "../../helpers/query-counter.ts";
import { createAccount } from "../../helpers/support.ts";
import { startTestApp, type TestApp } from "../../helpers/test-app.ts";

const ERRORS = `... on Error { code message } ... on ValidationError { field } ... on NotFoundError { field }`;
const CREATE = `mutation($input: HelpArticleCreateInput!) {
  helpArticleCreate(input: $input) { __typename ... on HelpArticleCreateSuccess { helpArticle { id title language requestTypes keywords } } ${ERRORS} }
}`;
const UPDATE = `mutation($input: HelpArticleUpdateInput!) {
  helpArticleUpdate(input: $input) { __typename ... on HelpArticleUpdateSuccess { helpArticle { id title body language requestTypes keywords } } ${ERRORS} }
}`;
const DELETE = `mutation($id: ID!) {
  helpArticleDelete(input: { id: $id }) { __typename ... on HelpArticleDeleteSuccess { helpArticle { title } } ${ERRORS} }
}`;
const LIST = `query($search: String, $requestType: String, $language: String, $first: Int, $after: String) {
  helpArticles(search: $search, requestType: $requestType, language: $language, first: $first, after: $after) {
    totalCount edges { node { title language } } pageInfo { hasNextPage endCursor }
  }
}`;

const ARTICLES = [
  {
    title: "Reset your password",
    body: "Open the sign-in page and choose Forgot password. We e-mail you a link that stays valid for an hour.",
    language: "en",
    requestTypes: ["ACCOUNT_UNLOCK"],
    keywords: ["login", "sign in"],
  },
  {
    title: "Passwort zurücksetzen",
    body: "Öffnen Sie die Anmeldeseite und wählen Sie Passwort vergessen. Wir senden Ihnen einen Link, der eine Stunde gilt.",
    language: "de",
    requestTypes: ["ACCOUNT_UNLOCK"],
    keywords: ["Anmeldung", "Kennwort"],
  },
  {
    title: "Réinitialiser votre mot de passe",
    body: "Ouvrez la page de connexion et choisissez Mot de passe oublié. Nous vous envoyons un lien valable une heure.",
    language: "fr",
    requestTypes: ["ACCOUNT_UNLOCK"],
    keywords: ["connexion"],
  },
  {
    title: "Restablecer la contraseña",
    body: "Abra la página de inicio de sesión y elija Olvidé mi contraseña. Le enviamos un enlace válido durante una hora.",
    language: "es",
    requestTypes: ["ACCOUNT_UNLOCK"],
    keywords: ["acceso"],
  },
  {
    title: "Request a refund",
    body: "Refunds for unused prepaid credits are paid back to the original card within ten days.",
    language: "en",
    requestTypes: ["REFUND"],
    keywords: ["money back", "credits"],
  },
  {
    title: "Importing contacts from a CSV file",
    body: "Upload the file, map its columns to contact attributes and confirm. Passwords are never imported.",
    language: "en",
    requestTypes: [],
    keywords: ["spreadsheet", "upload"],
  },
];

describe("help-centre articles through GraphQL", () => {
  let t: TestApp;
  let customer: string;
  let agent: string;
  const counter = queryCounter();
  const list = async (variables: Record<string, unknown>, token?: string) => dataOf(await t.gql(LIST, variables, token)).helpArticles;
  const titles = (connection: { edges: { node: { title: string } }[] }) => connection.edges.map((edge) => edge.node.title);

  // The ARTICLES are shared and no test changes them; the test that updates and deletes writes its own.
  beforeAll(async () => {
    t = await startTestApp({ wrapAdapter: counter.wrap });
    await createAccount(t, "C-READER", { language: "de" });
    customer = await t.token("CUSTOMER", { customerNumber: "C-READER" });
    agent = await t.token("AGENT");
    for (const input of ARTICLES) {
      const { helpArticleCreate } = dataOf(await t.gql(CREATE, { input }, agent));
      expect(helpArticleCreate.__typename, JSON.stringify(helpArticleCreate)).toBe("HelpArticleCreateSuccess");
    }
  });
  afterAll(() => t.stop());

  it.each([
    ["an empty title", { title: "  " }, "ValidationError", "title"],
    ["a language that is no ISO 639-1 code", { language: "german" }, "ValidationError", "language"],
    ["a malformed request type code", { requestTypes: ["REFUND", "no such"] }, "ValidationError", "requestTypes.1"],
    ["an unknown request type", { requestTypes: ["TELEPATHY"] }, "NotFoundError", "requestTypes.0"],
  ])("refuses %s, naming the field", async (_label, change, typename, field) => {
    const { helpArticleCreate } = dataOf(await t.gql(CREATE, { input: { ...ARTICLES[0], ...change } }));
    expect(helpArticleCreate).toMatchObject({ __typename: typename, field });
  });

  it("lets only staff write articles; everyone signed in reads them", async () => {
    const response = await t.gql(CREATE, { input: ARTICLES[0] }, customer);
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await list({}, customer)).totalCount).toBe(ARTICLES.length);
    expect((await t.gql(LIST, {}, null)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("finds articles by words in the article's own language, stemmed (Passwörter → Passwort, resetting passwords → reset password)", async () => {
    expect(titles(await list({ search: "Passwörter", language: "de" }))).toEqual(["Passwort zurücksetzen"]);
    expect(titles(await list({ search: "resetting passwords", language: "en" }))).toEqual(["Reset your password"]);
    expect(titles(await list({ search: "contraseñas", language: "es" }))).toEqual(["Restablecer la contraseña"]);
    expect(titles(await list({ search: "liens oubliés", language: "fr-CH" }))).toEqual(["Réinitialiser votre mot de passe"]);
  });

  it("ranks title and keyword matches above body matches, and searches every language without a language", async () => {
    // "password" is in the title of one English article and only in the body of the CSV one
    expect(titles(await list({ search: "password", language: "en" }))).toEqual(["Reset your password", "Importing contacts from a CSV file"]);
    expect(titles(await list({ search: "spreadsheet" }))).toEqual(["Importing contacts from a CSV file"]);
    expect(titles(await list({ search: '"money back" -password' }))).toEqual(["Request a refund"]);
  });

  it("filters by request type and language, and pages with a total", async () => {
    const first = await list({ requestType: "account_unlock", first: 3 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await list({ requestType: "ACCOUNT_UNLOCK", first: 3, after: first.pageInfo.endCursor });
    expect([...titles(first), ...titles(rest)].sort()).toEqual(
      ARTICLES.slice(0, 4)
        .map((a) => a.title)
        .sort(),
    );
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(titles(await list({ requestType: "REFUND", language: "de" }))).toEqual([]);
    const unknown = await t.gql(LIST, { requestType: "TELEPATHY" });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "requestType" });
    const badLanguage = await t.gql(LIST, { language: "deutsch" });
    expect(badLanguage.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "language" });
  });

  it("reads a page in the same number of statements whatever its size (no N+1)", async () => {
    // only the articles' statements: the outbox relay and the background loops run meanwhile
    const articleStatements = async (first: number) => {
      const { result, statements } = await counter.measure(() => list({ search: "password", first }));
      expect(titles(result)).toHaveLength(Math.min(first, 2));
      return statements.filter((sql) => sql.includes('"HelpArticle"'));
    };
    const small = await articleStatements(1);
    const large = await articleStatements(6);
    expect(large.length, large.join("\n")).toBe(small.length);
    expect(large.length).toBe(2); // the ranked ids and total, then the rows
  });

  it("updates what is given (the search follows) and deletes", async () => {
    // an article of its own: the shared ones stay as they are for the other tests
    const own = {
      title: "Cancel a voucher order",
      body: "Vouchers not yet redeemed are refunded to the original card within ten days of the cancellation.",
      language: "en",
      requestTypes: ["REFUND"],
      keywords: ["gift card"],
    };
    const { helpArticleCreate } = dataOf(await t.gql(CREATE, { input: own }, agent));
    expect(helpArticleCreate.__typename, JSON.stringify(helpArticleCreate)).toBe("HelpArticleCreateSuccess");
    const id = helpArticleCreate.helpArticle.id;
    const { helpArticleUpdate } = dataOf(await t.gql(UPDATE, { input: { id, title: "Return a voucher", keywords: ["reimbursement"] } }, agent));
    expect(helpArticleUpdate).toMatchObject({
      __typename: "HelpArticleUpdateSuccess",
      helpArticle: { title: "Return a voucher", language: "en", requestTypes: ["REFUND"], keywords: ["reimbursement"], body: own.body },
    });
    expect(titles(await list({ search: "reimbursement" }))).toEqual(["Return a voucher"]);
    expect(titles(await list({ search: "vouchers" }))).toEqual(["Return a voucher"]); // still in the body
    expect(titles(await list({ search: '"gift card"' }))).toEqual([]); // the old keywords are gone

    expect(dataOf(await t.gql(DELETE, { id }, agent)).helpArticleDelete).toEqual({
      __typename: "HelpArticleDeleteSuccess",
      helpArticle: { title: "Return a voucher" },
    });
    expect(dataOf(await t.gql(DELETE, { id }, agent)).helpArticleDelete).toMatchObject({ __typename: "NotFoundError", field: "id" });
    expect(titles(await list({ search: "reimbursement" }))).toEqual([]);
    expect(dataOf(await t.gql(DELETE, { id: "not-an-id" }, agent)).helpArticleDelete).toMatchObject({ __typename: "ValidationError", field: "id" });
  });
});
