/** Which accounts a viewer sees: all (staff), a partner's, one (a customer's), or none. */
export type AccountScope = { all: true } | { partnerId: string } | { id: string } | { none: true };
