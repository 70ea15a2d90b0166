import type { Prisma } from "../generated/prisma/client.ts";
import type { Published, TopicName, Topics } from "./topics.ts";

/** Any transaction client: services enqueue inside the transaction that makes the change. */
export type Tx = Prisma.TransactionClient;

export async function enqueue<T extends TopicName>(tx: Tx, topic: T, payload: Omit<Topics[T], Published>): Promise<void> {
  await tx.outboxEvent.create({ data: outboxRow(topic, payload) });
}

/** An outbox row, for writes that insert it themselves. */
export const outboxRow = <T extends TopicName>(topic: T, payload: Omit<Topics[T], Published>) => ({
  topic,
  payload: payload as Prisma.InputJsonObject & Prisma.JsonObject,
});
