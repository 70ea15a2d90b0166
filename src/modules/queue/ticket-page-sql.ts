import { getDatamodel } from "../../generated/pothos-prisma-types.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { CURRENT_CLOCKS } from "../ticket/index.ts";

/**
 * The fast path of ticket lists: the rows GraphQL asked for (Pothos' Prisma selection) built as
 * JSON by PostgreSQL in the page's own statement — the ticket, its tier, its account and its
 * current clocks — and handed over shaped as Prisma would return them (instants as Date), so the
 * schema's resolvers cannot tell. A selection it does not cover (another relation, a count, a
 * decimal) returns null and the caller loads the rows with Prisma.
 */

type Selection = Record<string, unknown>;
interface Field {
  name: string;
  kind: string;
  type: string;
  isList: boolean;
}
type Model = "Ticket" | "Tier" | "Account" | "SlaClock";

const models = getDatamodel().datamodel.models as unknown as Record<string, { fields: Field[] }>;
const scalars = (model: Model) => models[model]!.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
const SCALARS = Object.fromEntries(
  (["Ticket", "Tier", "Account", "SlaClock"] as const).map((model) => [model, new Map(scalars(model).map((field) => [field.name, field]))]),
) as Record<Model, Map<string, Field>>;
// Prisma returns these as objects JSON cannot stand for.
const UNSUPPORTED = new Set(["Decimal", "BigInt", "Bytes"]);
/** always read: the cursor is made of them */
const SORT_KEY = ["id", "priorityRank", "nextDueAt", "createdAt"];

/** One model's part of the JSON: the SQL pairs, and the keys to turn into Date afterwards. */
interface Part {
  pairs: string[];
  dates: string[];
  nested: { key: string; part: Part; list: boolean }[];
}

const sameArgs = (given: unknown, expected: unknown) => given === undefined || JSON.stringify(given) === JSON.stringify(expected);

/** The columns a selection names (`select`), or all of them (`include`, or `true`). */
function columnsOf(model: Model, query: Selection | true): { keys: string[]; relations: [string, Selection | true][] } | null {
  if (query === true) return { keys: [...SCALARS[model].keys()], relations: [] };
  const { select, include, ...rest } = query as { select?: Selection; include?: Selection };
  if (Object.keys(rest).some((key) => !["where", "orderBy"].includes(key))) return null;
  const named = select ?? include ?? {};
  const keys = select ? [] : [...SCALARS[model].keys()];
  const relations: [string, Selection | true][] = [];
  for (const [key, value] of Object.entries(named)) {
    if (!value) continue;
    if (SCALARS[model].has(key)) keys.push(key);
    else relations.push([key, value as Selection | true]);
  }
  return { keys, relations };
}

function pairsOf(model: Model, alias: string, keys: Iterable<string>): Omit<Part, "nested"> | null {
  const pairs: string[] = [];
  const dates: string[] = [];
  for (const key of new Set(keys)) {
    const field = SCALARS[model].get(key)!;
    if (UNSUPPORTED.has(field.type)) return null;
    if (field.type === "DateTime" && !field.isList) {
      pairs.push(`'${key}', (extract(epoch from ${alias}."${key}") * 1000)::bigint`);
      dates.push(key);
    } else pairs.push(`'${key}', ${alias}."${key}"`);
  }
  return { pairs, dates };
}

/** How each covered relation of a ticket is read, as a correlated subquery (one index probe per row). */
const RELATIONS: Record<string, { model: Model; list: boolean; args?: object; sql: (object: string, alias: string) => string }> = {
  tier: { model: "Tier", list: false, sql: (object, x) => `(SELECT ${object} FROM "Tier" ${x} WHERE ${x}.id = t."tierId")` },
  account: { model: "Account", list: false, sql: (object, x) => `(SELECT ${object} FROM "Account" ${x} WHERE ${x}.id = t."accountId")` },
  clocks: {
    model: "SlaClock",
    list: true,
    args: CURRENT_CLOCKS,
    sql: (object, x) =>
      `COALESCE((SELECT json_agg(${object} ORDER BY ${x}."createdAt", ${x}.id) FROM "SlaClock" ${x} WHERE ${x}."ticketId" = t.id AND ${x}."replacedAt" IS NULL), '[]'::json)`,
  },
};

function relationPart(name: string, query: Selection | true, index: number): { sql: string; part: Part } | null {
  const relation = RELATIONS[name];
  if (!relation) return null;
  if (query !== true && relation.args) {
    const { where, orderBy } = query as { where?: unknown; orderBy?: unknown };
    if (!sameArgs(where, (relation.args as Selection).where) || !sameArgs(orderBy, (relation.args as Selection).orderBy)) return null;
  } else if (query !== true && ((query as Selection).where || (query as Selection).orderBy)) return null;
  const columns = columnsOf(relation.model, query);
  if (!columns || columns.relations.length) return null;
  const alias = `r${index}`;
  const own = pairsOf(relation.model, alias, columns.keys);
  if (!own) return null;
  return { sql: relation.sql(`json_build_object(${own.pairs.join(", ")})`, alias), part: { ...own, nested: [] } };
}

/** The JSON expression of one ticket row of `t` for a Pothos selection, or null when it is not covered. */
export function ticketJsonSql(query: Selection): { sql: string; part: Part } | null {
  const columns = columnsOf("Ticket", query);
  if (!columns) return null;
  const own = pairsOf("Ticket", "t", [...SORT_KEY, ...columns.keys]);
  if (!own) return null;
  const part: Part = { ...own, nested: [] };
  for (const [index, [name, relationQuery]] of columns.relations.entries()) {
    const relation = relationPart(name, relationQuery, index);
    if (!relation) return null;
    part.pairs.push(`'${name}', ${relation.sql}`);
    part.nested.push({ key: name, part: relation.part, list: RELATIONS[name]!.list });
  }
  return { sql: `json_build_object(${part.pairs.join(", ")})`, part };
}

/** Turns the instants of a row built by ticketJsonSql into Date, in place, as Prisma returns them. */
export function reviveRow<T>(row: Record<string, unknown>, part: Part): T {
  for (const key of part.dates) if (row[key] != null) row[key] = new Date(row[key] as number);
  for (const { key, part: nested, list } of part.nested) {
    const value = row[key];
    if (value == null) continue;
    if (list) for (const item of value as Record<string, unknown>[]) reviveRow(item, nested);
    else reviveRow(value as Record<string, unknown>, nested);
  }
  return row as T;
}

export type TicketPageRow = Prisma.TicketGetPayload<{ include: { tier: true; account: true; clocks: true } }>;
