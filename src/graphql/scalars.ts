import { GraphQLError, Kind, type ValueNode } from "graphql";
import { builder } from "./builder.ts";

// Scalars check syntax only; meaning (an unknown zone, an overlap) is the domain's to judge.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function stringScalar<T>(name: string, parse: (value: string) => T) {
  const read = (value: unknown) => {
    if (typeof value !== "string") throw new GraphQLError(`${name} must be a string`);
    return parse(value);
  };
  return {
    parseValue: read,
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string`);
      return read(node.value);
    },
  };
}

builder.scalarType("DateTime", {
  description: "An instant: ISO-8601 with an offset on input (seconds optional), always UTC `Z` on output.",
  serialize: (value) => new Date(value as Date | number | string).toISOString(),
  ...stringScalar("DateTime", (value) => {
    const date = new Date(value);
    if (!ISO_INSTANT.test(value) || Number.isNaN(date.getTime())) {
      throw new GraphQLError(`DateTime must be ISO-8601 with an offset, e.g. 2026-03-27T16:00:00+01:00; got "${value.slice(0, 40)}"`);
    }
    return date;
  }),
});

builder.scalarType("Date", {
  description: "A local calendar date, YYYY-MM-DD.",
  serialize: (value) => value,
  ...stringScalar("Date", (value) => {
    const match = LOCAL_DATE.exec(value);
    const [year, month, day] = match ? match.slice(1).map(Number) : [];
    const valid = match && new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() === day && month! >= 1 && month! <= 12;
    if (!valid) throw new GraphQLError(`Date must be a calendar date YYYY-MM-DD; got "${value.slice(0, 40)}"`);
    return value;
  }),
});

builder.scalarType("LocalTime", {
  description: "A wall-clock time HH:mm in a calendar's zone; 24:00 is allowed as the end of an interval.",
  serialize: (value) => value,
  ...stringScalar("LocalTime", (value) => {
    if (!LOCAL_TIME.test(value)) throw new GraphQLError(`LocalTime must be HH:mm (00:00–24:00); got "${value.slice(0, 40)}"`);
    return value;
  }),
});

export interface MoneyShape {
  amountMinor: number;
  currency: string;
}

export const Money = builder.objectRef<MoneyShape>("Money").implement({
  description: "An amount in the currency's minor unit (cents), with an ISO-4217 currency code.",
  fields: (t) => ({
    amountMinor: t.exposeInt("amountMinor", { description: "Whole amount in the currency's minor unit (1900 = 19.00 EUR); negative only for a credit." }),
    currency: t.exposeString("currency", { description: "ISO-4217 code, upper-case, e.g. EUR." }),
  }),
});

export const MoneyInput = builder.inputType("MoneyInput", {
  description: "A price to store: a whole amount in the currency's minor unit and its ISO-4217 code.",
  fields: (t) => ({
    amountMinor: t.int({ description: "Whole amount in the currency's minor unit (1900 = 19.00 EUR), from 0; each price states its own maximum." }),
    currency: t.string({ description: "ISO-4217 code, e.g. EUR; any case accepted, stored upper-case." }),
  }),
});
