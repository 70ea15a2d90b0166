import { type ExecutionArgs, type ExecutionResult, print } from "graphql";
import { Repeater } from "graphql-yoga";
import type { Viewer } from "../auth/viewer.ts";

type Source = AsyncIterableIterator<ExecutionResult> | ExecutionResult;
type Subscribe = (args: ExecutionArgs) => Source | Promise<Source>;

/** How many results a subscriber may fall behind before it is cut off as a slow consumer. */
export const MAX_PENDING = 256;

export class SlowConsumerError extends Error {
  constructor() {
    super(`Subscriber fell more than ${MAX_PENDING} events behind and was cut off`);
  }
}

interface Member {
  push(result: ExecutionResult): Promise<unknown>;
  stop(error?: unknown): void;
  pending: number;
  /** Results that arrived while the member's own snapshot was being read. */
  held: ExecutionResult[] | null;
}

/** The authorisation scope of a viewer: subscribers in one scope may share results. */
const scopeOf = (viewer: Viewer | undefined) => `${viewer?.role}:${viewer?.partnerId}:${viewer?.accountId}`;

interface Group {
  members: Set<Member>;
  source: AsyncIterableIterator<ExecutionResult>;
}

/**
 * Runs each distinct subscription (same document, variables and authorisation scope) once and
 * fans every result out to all its subscribers, instead of executing it per subscriber.
 */
export function sharedSubscriptions(subscribe: Subscribe) {
  const groups = new Map<string, Promise<Group | ExecutionResult>>();
  const live = new Map<string, Group>();

  async function open(key: string, args: ExecutionArgs, snapshot: boolean): Promise<Group | ExecutionResult> {
    const source = await subscribe(args);
    if (!(Symbol.asyncIterator in source)) {
      groups.delete(key);
      return source;
    }
    const group: Group = { members: new Set(), source };
    live.set(key, group);
    void (async () => {
      let first = snapshot; // each member reads its own snapshot; the shared one is not passed on
      try {
        for await (const result of source) {
          if (first) first = false;
          else for (const member of group.members) deliver(member, result);
        }
      } catch (error) {
        for (const member of group.members) member.stop(error);
      } finally {
        close(key, group);
        for (const member of group.members) member.stop();
      }
    })();
    return group;
  }

  function close(key: string, group: Group) {
    if (live.get(key) === group) {
      live.delete(key);
      groups.delete(key);
    }
    void group.source.return?.();
  }

  function deliver(member: Member, result: ExecutionResult) {
    if (member.held) return void member.held.push(result);
    if (member.pending >= MAX_PENDING) return member.stop(new SlowConsumerError());
    member.pending++;
    void member.push(result).then(() => member.pending--);
  }

  /** The first result of the subscriber's own execution: its snapshot. */
  async function ownSnapshot(args: ExecutionArgs): Promise<ExecutionResult | null> {
    const source = await subscribe(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const first = await source.next();
    await source.return?.();
    return first.done ? null : first.value;
  }

  /**
   * `snapshot`: the subscription's first result is a snapshot (e.g. a queue's first page), which
   * each subscriber must get for itself; the results after it are shared.
   */
  return async (args: ExecutionArgs, viewer: Viewer | undefined, snapshot = false): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const key = JSON.stringify([print(args.document), args.operationName ?? null, args.variableValues ?? null, scopeOf(viewer)]);
    let pending = groups.get(key);
    if (!pending) {
      pending = open(key, args, snapshot);
      groups.set(key, pending);
    }
    const group = await pending;
    if (!("members" in group)) return group;
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const member: Member = { push, stop, pending: 0, held: snapshot ? [] : null };
      group.members.add(member);
      if (snapshot) {
        const first = await ownSnapshot(args);
        if (first) await push(first);
        const held = member.held ?? [];
        member.held = null;
        for (const result of held) deliver(member, result);
      }
      await stop;
      group.members.delete(member);
      if (group.members.size === 0) close(key, group);
    });
  };
}
