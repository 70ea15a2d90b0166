import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { type ExecutionArgs, GraphQLError, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../graphql/context.ts";
import type { Limits } from "./limits.ts";
import { cachedOperationCost } from "./query-cost.ts";

/** A refused operation says which limit, the limit and what was measured, in `extensions`. */
export function limitExceeded(code: string, what: string, limit: number, measured: number): GraphQLError {
  return new GraphQLError(`${what}: ${measured} exceeds the limit of ${limit}`, { extensions: { code, limit, measured } });
}

/** graphql-armor reports "… limit of N exceeded, found M."; we keep its counting and give the refusal our shape. */
function reportAs(code: string, what: string, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const measured = Number(/found (\d+)/.exec(error.message)?.[1] ?? limit + 1);
        context?.reportError(limitExceeded(code, what, limit, measured));
      },
    ],
  };
}

/**
 * Bounds on every operation, all checked before any resolver runs: tokens while the document is
 * parsed, depth, aliases and directives while it is validated (graphql-armor's rules), and the
 * estimated cost against the caller's role's budget once the caller and variables are known.
 */
export function operationLimits(limits: Limits): Plugin<Context> {
  const parse = (source: string, options?: object) => {
    const parser = new MaxTokensParserWLexer(source, { ...options, n: limits.tokens, propagateOnRejection: true });
    try {
      return parser.parseDocument();
    } catch (error) {
      if (error instanceof GraphQLError && parser.tokenCount > limits.tokens)
        throw limitExceeded("MAX_TOKENS", "Token count", limits.tokens, parser.tokenCount);
      throw error;
    }
  };
  const rules = [
    maxDepthRule({ ...reportAs("MAX_DEPTH", "Query depth", limits.depth), flattenFragments: true }),
    maxAliasesRule(reportAs("MAX_ALIASES", "Alias count", limits.aliases)),
    maxDirectivesRule(reportAs("MAX_DIRECTIVES", "Directive count", limits.directives)),
  ];
  const costOf = cachedOperationCost(limits.defaultListSize);
  const overBudget = (args: ExecutionArgs) => {
    const { viewer } = args.contextValue as Context;
    const budget = limits.costBudgets[viewer.role ?? "ANONYMOUS"];
    const cost = costOf(args.schema, args.document, args.operationName, args.variableValues);
    if (cost <= budget) return null;
    // No field is public: an anonymous caller over its budget is told what it lacks, a credential, with the budget it went over.
    if (viewer.role === null) {
      const message = `Authentication required: the estimated cost ${cost} exceeds what an anonymous caller may ask (${budget}); send Authorization: Bearer <token>`;
      return { errors: [new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", limit: budget, measured: cost } })] };
    }
    return { errors: [limitExceeded("COST_LIMIT", `Estimated cost (objects it may resolve) for ${viewer.role}`, budget, cost)] };
  };
  return {
    onParse: ({ setParseFn }) => setParseFn(parse as never),
    onValidate: ({ addValidationRule }) => {
      for (const rule of rules) addValidationRule(rule as never);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const refused = overBudget(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = overBudget(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
