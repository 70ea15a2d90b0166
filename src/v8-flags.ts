import { setFlagsFromString } from "node:v8";

// V8 allocates an allocation site's objects directly in the old generation once most of them
// outlive a young collection. Requests that wait on the database do, so after a few hundred of them
// the HTTP and GraphQL plumbing of every later request is born old, and keeps its young parts alive
// until a full collection: the cached queue page then promoted ~0.8 MB per scavenge and paid a
// 50–100 ms major GC every 4–5 s at 6,000 req/s; with pretenuring off it promotes nothing.
setFlagsFromString("--no-allocation-site-pretenuring");
