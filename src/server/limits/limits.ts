import type { Role } from "../../auth/viewer.ts";

/** Every bound on what one request or socket may ask for, in one place (README "Security" lists them). */
export interface Limits {
  /** OPERATION_LIMITS=off skips the token, depth, alias, directive and cost checks: only to measure what they cost (`npm run bench`). */
  checkOperations: boolean;
  /** Field nesting of an operation (fragments count as they are spread). */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of a document; stops a huge or deeply nested document while it is parsed. */
  tokens: number;
  /** Estimated objects an operation may resolve (see query-cost.ts), per role; anonymous callers are the "null" role. */
  costBudgets: Record<Role | "ANONYMOUS", number>;
  /** Page size a connection is counted at when the query names no `first`/`last`, and a plain list's assumed length. */
  defaultListSize: number;
  /** GraphQL requests per credential (or per address without one) per minute, HTTP requests and WebSocket operations together; 0 turns the limit off. */
  ratePerMinute: number;
  /** Live subscriptions one WebSocket may hold at once. */
  subscriptionsPerSocket: number;
}

export const DEFAULT_LIMITS: Limits = {
  checkOperations: true,
  depth: 15,
  aliases: 30,
  directives: 50,
  tokens: 3_000,
  costBudgets: { ANONYMOUS: 50, CUSTOMER: 5_000, PARTNER: 10_000, AGENT: 50_000, ADMIN: 100_000 },
  defaultListSize: 20,
  ratePerMinute: 600,
  subscriptionsPerSocket: 50,
};

/** The environment variable behind each limit (README's table names the same ones). */
const VARIABLES = {
  depth: "LIMIT_DEPTH",
  aliases: "LIMIT_ALIASES",
  directives: "LIMIT_DIRECTIVES",
  tokens: "LIMIT_TOKENS",
  defaultListSize: "LIMIT_DEFAULT_LIST_SIZE",
  ratePerMinute: "RATE_LIMIT_PER_MINUTE",
  subscriptionsPerSocket: "LIMIT_SUBSCRIPTIONS_PER_SOCKET",
} as const satisfies Partial<Record<keyof Limits, string>>;

const budgetVariable = (role: keyof Limits["costBudgets"]) => `COST_BUDGET_${role}`;

/** The limits with each variable that is set in `env` applied; `fail` reports one that is not a whole number ≥ 0. */
export function limitsFrom(env: NodeJS.ProcessEnv, fail: (message: string) => never): Limits {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) fail(`${name} must be a whole number ≥ 0, got "${raw}"`);
    return value;
  };
  if (env.OPERATION_LIMITS && !["on", "off"].includes(env.OPERATION_LIMITS)) fail(`OPERATION_LIMITS must be "on" or "off", got "${env.OPERATION_LIMITS}"`);
  const limits = { ...DEFAULT_LIMITS, checkOperations: env.OPERATION_LIMITS !== "off", costBudgets: { ...DEFAULT_LIMITS.costBudgets } };
  for (const [key, name] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) limits[key] = read(name, DEFAULT_LIMITS[key]);
  for (const role of Object.keys(limits.costBudgets) as (keyof Limits["costBudgets"])[]) {
    limits.costBudgets[role] = read(budgetVariable(role), DEFAULT_LIMITS.costBudgets[role]);
  }
  return limits;
}
