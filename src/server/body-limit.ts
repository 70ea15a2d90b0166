import { createGraphQLError, type Plugin } from "graphql-yoga";

/** The largest request body accepted: a ticket body of 50,000 characters fits several times over. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

const tooLarge = () =>
  createGraphQLError(`Request body too large: at most ${MAX_REQUEST_BYTES} bytes`, { extensions: { code: "REQUEST_ENTITY_TOO_LARGE", http: { status: 413 } } });

/**
 * Refuses bodies over MAX_REQUEST_BYTES. Yoga's own limit pipes every body through a counting
 * stream; a body framed by Content-Length cannot outgrow it (Node's parser stops there), so the
 * header alone decides and only a chunked body is counted as it arrives.
 */
export function bodyLimit(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length !== null) {
        if (!/^\d+$/.test(length))
          throw createGraphQLError("Content-Length must be one number of bytes", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
        if (Number(length) > MAX_REQUEST_BYTES) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((req) => {
        let bytes = 0;
        const counted = req.body!.pipeThrough(
          new fetchAPI.TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > MAX_REQUEST_BYTES) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(
          new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, signal: req.signal, body: counted, duplex: "half" } as RequestInit),
        );
      });
    },
  };
}
