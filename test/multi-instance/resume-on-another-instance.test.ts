import { describe, it } from "vitest";
import { loadEcommerceBackoffice } from "../fixtures/policies/002-ecommerce-backoffice.ts";
import { customers, mixedEvents, resumeAndExpect, snapshotCursor } from "../helpers/streams.ts";
import { ADMIN_TOKEN } from "../helpers/test-app.ts";
import { twoInstances } from "../helpers/two-instances.ts";

describe("a live queue resumed on another instance", () => {
  const instances = twoInstances();

  it("disconnects from one instance and resumes on the other without a gap", async () => {
    const { a, b } = instances;
    await loadEcommerceBackoffice(a);
    await customers(a, "C-TWO");
    const cursor = await snapshotCursor(a.url, ADMIN_TOKEN);
    const missed = [...(await mixedEvents(a, "C-TWO", 40)), ...(await mixedEvents(b, "C-TWO", 40))];
    const resumed = await resumeAndExpect(b.url, ADMIN_TOKEN, cursor, missed);
    resumed.queue.close();
    await resumed.client.dispose();
  });
});
