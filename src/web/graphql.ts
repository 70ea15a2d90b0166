import { httpHeaders, type Session } from "./session.ts";

export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

/** One query or mutation over HTTP; GraphQL errors become a RequestError with the first code. */
export async function request<T>(session: Session, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...httpHeaders(session) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (!body) throw new RequestError(`The server answered ${response.status}.`, undefined, response.status);
  if (body.errors?.length) {
    throw new RequestError(body.errors.map((error) => error.message).join("; "), body.errors[0]?.extensions?.code, response.status);
  }
  return body.data as T;
}
