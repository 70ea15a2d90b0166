import { type ASTNode, type DocumentNode, getNamedType, GraphQLError, type GraphQLSchema, isLeafType, Kind, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * GraphQL's own check of literal arguments reports a scalar's error ("LocalTime must be HH:mm …")
 * without saying where it is, and an enum's with a line and column only. This names the argument
 * or input field, as `field(argument.inputField.0.key)`, at the start of the message and in
 * `extensions.field`, the way a variable's error already does ("… at "input.weeklyHours[0].start"").
 */
export function inputErrorPaths(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const bad = badLeafValues(params.schema, params.documentAST);
        if (bad.length) setResult(result.map((error) => withInputPath(error, bad)));
      };
    },
  };
}

interface BadValue {
  node: ASTNode;
  path: string;
  field: string;
  message: string | null;
}

function withInputPath(error: unknown, bad: readonly BadValue[]): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const match = bad.find((value) => error.nodes?.includes(value.node) || (value.message !== null && error.message === value.message));
  if (!match) return error;
  return new GraphQLError(`${match.path}: ${error.message}`, {
    nodes: error.nodes?.length ? error.nodes : [match.node],
    originalError: error.originalError,
    extensions: { ...error.extensions, code: "BAD_USER_INPUT", field: match.field },
  });
}

const LEAF_LITERALS = new Set<Kind>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.ENUM]);

/** Literal scalar and enum values their type refuses, each with where it sits. */
function badLeafValues(schema: GraphQLSchema, document: DocumentNode): BadValue[] {
  const typeInfo = new TypeInfo(schema);
  const bad: BadValue[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node, _key, parent, _keys, ancestors) {
        if (!LEAF_LITERALS.has(node.kind)) return;
        const type = typeInfo.getInputType();
        if (!type) return;
        const named = getNamedType(type);
        if (!isLeafType(named)) return;
        let message: string | null = null;
        try {
          if (named.parseLiteral(node as never, undefined) !== undefined) return;
        } catch (error) {
          message = error instanceof Error ? error.message : null;
        }
        const where = pathOf([...(ancestors as readonly (ASTNode | readonly ASTNode[])[]), parent as ASTNode | readonly ASTNode[], node]);
        if (where) bad.push({ node, ...where, message });
      },
    }),
  );
  return bad;
}

/** `field(argument.inputField.index…)` from a value node's ancestors; null outside arguments. */
function pathOf(chain: readonly (ASTNode | readonly ASTNode[])[]): { path: string; field: string } | null {
  let field = "";
  const parts: string[] = [];
  chain.forEach((step, i) => {
    if (Array.isArray(step)) {
      if ((chain[i - 1] as ASTNode | undefined)?.kind === Kind.LIST) parts.push(String(step.indexOf(chain[i + 1] as ASTNode)));
      return;
    }
    const at = step as ASTNode;
    if (at.kind === Kind.FIELD) [field, parts.length] = [at.name.value, 0];
    else if (at.kind === Kind.ARGUMENT || at.kind === Kind.OBJECT_FIELD) parts.push(at.name.value);
  });
  return parts.length ? { path: `${field}(${parts.join(".")})`, field: parts.join(".") } : null;
}
