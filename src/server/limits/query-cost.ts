import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from "graphql";

/**
 * How many objects an operation may resolve, estimated from its document before anything runs:
 * every field that returns an object counts once for each time it can be reached, a list multiplies
 * what it selects by its length and a Relay connection by its `first`/`last` (else `defaultListSize`).
 * `ledger { entries(first: 100) { edges { node { account { ledger { entries(first: 100) … } } } } } }`
 * costs 100 × 100 × …, so a fan-out is priced by what it would fetch, not by how it is written.
 * Leaves are free; introspection (`__schema`, `__type`) is not counted.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
  defaultListSize: number,
): number {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const values = (variables && typeof variables === "object" ? variables : {}) as Record<string, unknown>;
  // A fragment's cost per occurrence is computed once (for one page size of an enclosing connection).
  const fragmentCosts = new Map<string, number>();

  const pageSize = (field: FieldNode): number => {
    for (const name of ["first", "last"]) {
      const size = numberOf(field.arguments?.find((argument) => argument.name.value === name)?.value, values);
      if (size !== undefined) return Math.max(0, size);
    }
    return defaultListSize;
  };

  /** The cost of one occurrence of `selectionSet` on `type`; `page` is the enclosing connection's page size for its `edges`/`nodes`. */
  const costOf = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, page: number, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, type, page, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += costOf(selection.selectionSet, on, page, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !on || !isCompositeType(on) || seen.has(name)) continue;
        const key = `${name}:${page}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) fragmentCosts.set(key, (cost = costOf(fragment.selectionSet, on, page, new Set([...seen, name]))));
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, page: number, seen: ReadonlySet<string>): number => {
    if (field.name.value.startsWith("__") || !field.selectionSet) return 0;
    const definition = fieldOf(parent, field.name.value);
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;
    const connection = isConnection(type);
    const childPage = connection ? pageSize(field) : defaultListSize;
    const count = isListType(getNullableType(definition.type))
      ? isConnection(parent)
        ? page
        : definition.args.some((a) => a.name === "first")
          ? pageSize(field)
          : defaultListSize
      : 1;
    return count * (1 + costOf(field.selectionSet, type, childPage, seen));
  };

  return costOf(operation.selectionSet, root, defaultListSize, new Set());
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** A Relay connection type: its `edges`/`nodes` are one page long. */
function isConnection(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

function numberOf(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const bound = variables[value.name.value];
    return typeof bound === "number" && Number.isFinite(bound) ? bound : undefined;
  }
  return undefined;
}

/** The variables a document binds to `first`/`last`: the only ones its cost depends on. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if ((argument.name.value === "first" || argument.name.value === "last") && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/** Distinct page sizes remembered per document; past it the document's costs are computed afresh. */
const COSTS_PER_DOCUMENT = 64;

/**
 * `operationCost`, remembered per document (the parser cache hands every request with the same text
 * the same document), operation and page-size variables: a dashboard sends one query many times.
 */
export function cachedOperationCost(defaultListSize: number) {
  const byDocument = new WeakMap<DocumentNode, { pages: string[]; costs: Map<string, number> }>();
  return (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: unknown): number => {
    let known = byDocument.get(document);
    if (!known) byDocument.set(document, (known = { pages: pageVariables(document), costs: new Map() }));
    const values = (variables && typeof variables === "object" ? variables : {}) as Record<string, unknown>;
    // a value that is not a finite number counts as no page size, as in `numberOf`
    const sizes = known.pages.map((name) => (typeof values[name] === "number" && Number.isFinite(values[name]) ? values[name] : "-"));
    const key = `${operationName ?? ""}\u0000${sizes.join(",")}`;
    let cost = known.costs.get(key);
    if (cost === undefined) {
      if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, (cost = operationCost(schema, document, operationName, variables, defaultListSize)));
    }
    return cost;
  };
}
