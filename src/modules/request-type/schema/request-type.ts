import type { RequiredInformationItem as Item } from "../domain/request-type-definition.ts";
import { builder } from "../../../graphql/builder.ts";
import { COMMON_ERRORS } from "../../../graphql/errors.ts";
import type { InputFields } from "../../../graphql/input-fields.ts";
import { InformationCondition, TierEntitlement } from "../../tier/index.ts";
import type { OUT_OF_SCOPE_HANDLING } from "../domain/request-type-definition.ts";

const OutOfScope = builder.enumType("OutOfScope", {
  description: "What becomes of a request its type puts out of scope.",
  values: {
    PAID_OFFER: { description: "Accepted as a paid-offer request, without SLA clocks (e.g. customisation)." },
    DECLINE: { description: "Declined: ticketCreate answers NotEntitledError with NOT_SUPPORTED (e.g. an outdated or modified product)." },
  } satisfies Record<(typeof OUT_OF_SCOPE_HANDLING)[number], object>,
});

export const RequiredInformationItem = builder.objectRef<Item>("RequiredInformationItem").implement({
  description: "Information a request needs before work starts; until then the ticket waits on the customer.",
  fields: (t) => ({
    key: t.exposeString("key", { description: "Stable camelCase key a ticket's checklist and ticketInformationProvide use, e.g. reproductionSteps." }),
    label: t.exposeString("label", { description: "What to ask the customer for, in words, e.g. Clear steps to reproduce." }),
    when: t.expose("when", { type: InformationCondition, nullable: true, description: "null = always." }),
  }),
});

builder.prismaNode("RequestType", {
  id: { field: "id" },
  // node(id): an id that is not (or not in this workspace) answers null, not an error
  nullable: true,
  description: "What a customer may ask for, and on which terms.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique code tickets and entitlement questions name, e.g. REFUND." }),
    name: t.exposeString("name", { description: "A name for people, e.g. Refund request." }),
    inScope: t.exposeBoolean("inScope", { description: "false: support does not cover it (see alternative)." }),
    writtenOnly: t.exposeBoolean("writtenOnly", { description: "Only on written channels (ticket, e-mail, chat, …), never by phone." }),
    premiumOnly: t.exposeBoolean("premiumOnly", { description: "Only on a paid level, not on the included one." }),
    requiresEntitlement: t.expose("requiresEntitlement", {
      type: TierEntitlement,
      nullable: true,
      description: "The tier entitlement a request needs, e.g. HOW_TO at 001; null when any level serves it.",
    }),
    requiredInformation: t.field({
      type: [RequiredInformationItem],
      description: "The checklist a new ticket of this type starts with; its clock waits until every applying item is provided.",
      select: { requiredInformation: true },
      resolve: (type) => type.requiredInformation as unknown as Item[],
    }),
    alternative: t.exposeString("alternative", { nullable: true, description: "What an out-of-scope request is offered instead." }),
    outOfScope: t.expose("outOfScope", { type: OutOfScope, description: "What becomes of the request when inScope is false." }),
  }),
});

const RequiredInformationItemInput = builder.inputType("RequiredInformationItemInput", {
  description: "One item of a request type's checklist; keys are unique within the list.",
  fields: (t) => ({
    key: t.string({ description: "camelCase, e.g. reproductionSteps." }),
    label: t.string({ description: "What to ask the customer for, 1–200 characters after trimming." }),
    when: t.field({ type: InformationCondition, required: false, description: "Required only under this condition; absent means always." }),
  }),
});

const requestTypeFields = (t: InputFields, required: boolean) => ({
  name: t.string({ required, description: "A name for people, 1–200 characters after trimming." }),
  inScope: t.boolean({ required: false, description: "Default true." }),
  writtenOnly: t.boolean({ required: false, description: "Accept it only on written channels, never by phone (004: refunds, invoices, …); default false." }),
  premiumOnly: t.boolean({ required: false, description: "Serve it only on a paid level, never on the included one (001: how-to questions); default false." }),
  requiresEntitlement: t.field({ type: TierEntitlement, required: false, description: "null on update removes it." }),
  requiredInformation: t.field({ type: [RequiredInformationItemInput], required: false, description: "Replaces the whole list." }),
  alternative: t.string({ required: false, description: "null on update removes it." }),
  outOfScope: t.field({ type: OutOfScope, required: false, description: "When inScope is false: PAID_OFFER (default) or DECLINE." }),
});

const CODE = "2–40 letters, digits or underscores starting with a letter, stored upper-case, e.g. REFUND";
const RequestTypeCreateInput = builder.inputType("RequestTypeCreateInput", {
  description: "A new request type; fields left out take their defaults, lists start empty.",
  fields: (t) => ({ code: t.string({ description: `Unique code: ${CODE}.` }), ...requestTypeFields(t, true) }),
});
const RequestTypeUpdateInput = builder.inputType("RequestTypeUpdateInput", {
  description: "Fields left out are kept.",
  fields: (t) => ({ code: t.string({ description: `The request type to change: ${CODE}; the code itself never changes.` }), ...requestTypeFields(t, false) }),
});

builder.queryFields((t) => ({
  requestTypes: t.prismaConnection({
    description: "Every request type, by code.",
    type: "RequestType",
    cursor: "workspaceId_code",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.services.requestTypes.list(query),
    totalCount: (_root, _args, ctx) => ctx.services.requestTypes.count(),
  }),
  requestType: t.prismaField({
    description: "The request type with this code, or null.",
    type: "RequestType",
    nullable: true,
    authScopes: { authenticated: true },
    args: { code: t.arg.string({ description: "Request type code, upper-case, e.g. DEFECT." }) },
    resolve: (query, _root, { code }, ctx) => ctx.services.requestTypes.byCode(code, query),
  }),
}));

const result = { types: COMMON_ERRORS, dataField: { name: "requestType", description: "The request type as it is after the write." } };

builder.mutationFields((t) => ({
  requestTypeCreate: t.prismaField({
    description: "Creates a request type: scope, written-only, premium-only, needed entitlement and required information.",
    type: "RequestType",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: RequestTypeCreateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.requestTypes.create(ctx.viewer, input, query),
  }),
  requestTypeUpdate: t.prismaField({
    description: "Changes a request type; tickets already open keep the checklist they were opened with.",
    type: "RequestType",
    authScopes: { staff: true },
    errors: result,
    args: { input: t.arg({ type: RequestTypeUpdateInput, description: "What to do; each input field states its rule." }) },
    resolve: (query, _root, { input }, ctx) => ctx.services.requestTypes.update(ctx.viewer, input, query),
  }),
}));
