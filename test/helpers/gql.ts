export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

/** Posts one GraphQL operation; the request is kept on the response for failure dumps. */
export async function postGql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
  operationName?: string,
): Promise<GqlResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  const body = (await response.json()) as GqlResponse<T>;
  return Object.defineProperty({ ...body, status: response.status }, "request", { value: { query, variables }, enumerable: false });
}

/** The data of a response that must have no errors; otherwise fails with request and response. */
export function dataOf<T>(response: GqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL call failed\nrequest: ${JSON.stringify((response as any).request)}\nresponse: ${JSON.stringify(response, null, 2)}`);
  }
  return response.data;
}
