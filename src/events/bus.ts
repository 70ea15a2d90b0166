import { EventEmitter } from "node:events";
import { Repeater } from "graphql-yoga";
import { Redis } from "ioredis";
import { currentWorkspaceId } from "../db/workspace-scope.ts";
import { filterMap } from "./stream.ts";
import type { TopicName, Topics } from "./topics.ts";
import type { Logger } from "../logger.ts";

export interface EventBus {
  publish<T extends TopicName>(topic: T, payload: Topics[T]): Promise<void>;
  /** Events of `topic` from now on, until the iterator's `return()` is called. */
  subscribe<T extends TopicName>(topic: T): AsyncIterableIterator<Topics[T]>;
  /** Resolves once every topic subscribed to so far is really being received. */
  ready(): Promise<void>;
  /** Whether the bus can carry events now (readiness): always for the in-process bus; Redis must answer a PING on both connections. */
  reachable(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

class LocalBus implements EventBus {
  protected readonly emitter = new EventEmitter({ captureRejections: false });
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  async publish<T extends TopicName>(topic: T, payload: Topics[T]): Promise<void> {
    this.emitter.emit(topic, payload);
  }
  subscribe<T extends TopicName>(topic: T): AsyncIterableIterator<Topics[T]> {
    return new Repeater<Topics[T]>(async (push, stop) => {
      const listener = (payload: Topics[T]) => void push(payload);
      this.emitter.on(topic, listener);
      await stop;
      this.emitter.off(topic, listener);
    });
  }
  async ready(): Promise<void> {}
  async reachable(_timeoutMs: number): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** An outbox event as published: its topic and its payload (which carries its `sequence`). */
export interface SequencedEvent {
  topic: TopicName;
  payload: Topics[TopicName];
}
/** Reads published outbox events with after < sequence < before (before null: all later ones), in order. */
export type MissedEvents = (after: number, before: number | null) => Promise<SequencedEvent[]>;

/**
 * Fans events out to every process subscribed to the same Redis; local delivery happens on receipt.
 * Outbox events (those with a `sequence`) share one channel, so every instance sees the whole dense
 * sequence: Redis pub/sub drops what is published while a subscriber is disconnected, so a jump in
 * it, or a reconnect, is filled from the outbox itself (`missed`) before delivery goes on. Nothing the
 * outbox committed is lost to a Redis outage, and nothing is delivered twice or out of order.
 */
const PUBLISH_TIMEOUT_MS = 5_000;

class RedisBus extends LocalBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly channels = new Set<string>();
  private last: number | null = null;
  private delivering: Promise<void> = Promise.resolve();
  private readonly missed: MissedEvents;
  private readonly log: Logger;
  constructor({ url, prefix, missed, log }: RedisOptions) {
    super();
    this.prefix = `${prefix}:`;
    this.missed = missed;
    this.log = log;
    // A publish that is never answered (a connection gone silent, not closed) fails after PUBLISH_TIMEOUT_MS:
    // the outbox relay retries it with backoff instead of waiting on it for ever.
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, commandTimeout: PUBLISH_TIMEOUT_MS });
    this.sub = new Redis(url, { lazyConnect: false });
    for (const connection of [this.pub, this.sub]) {
      // one line per outage, not one per reconnect attempt; readiness (/readyz) reports it meanwhile
      let reported = false;
      connection.on("error", (error: Error) => {
        if (!reported) this.log.error(`Redis unreachable (${error.message}); retrying`);
        reported = true;
      });
      connection.on("ready", () => (reported = false));
    }
    void this.sub.subscribe(this.outbox);
    this.sub.on("message", (channel: string, message: string) => {
      if (channel === this.outbox) this.inOrder(() => this.deliver(JSON.parse(message) as SequencedEvent));
      else this.emitter.emit(channel.slice(this.prefix.length), JSON.parse(message));
    });
    // ioredis resubscribes on reconnect; what was published meanwhile is read from the outbox
    this.sub.on("ready", () => this.inOrder(() => this.fill(null)));
  }
  private get outbox() {
    return `${this.prefix}outbox`;
  }
  private inOrder(step: () => Promise<void>) {
    this.delivering = this.delivering.then(step).catch((error) => this.log.error({ err: error }, "reading missed events from the outbox failed"));
  }
  private async deliver(event: SequencedEvent) {
    const sequence = (event.payload as { sequence: number }).sequence;
    if (this.last !== null && sequence <= this.last) return; // delivered already (by a fill)
    if (this.last !== null && sequence > this.last + 1) await this.fill(sequence);
    this.emitter.emit(event.topic, event.payload);
    this.last = Math.max(this.last ?? 0, sequence);
  }
  private async fill(before: number | null) {
    if (this.last === null) return;
    for (const event of await this.missed(this.last, before)) {
      const sequence = (event.payload as { sequence: number }).sequence;
      if (sequence <= this.last) continue;
      this.emitter.emit(event.topic, event.payload);
      this.last = sequence;
    }
  }
  override async publish<T extends TopicName>(topic: T, payload: Topics[T]): Promise<void> {
    if (typeof (payload as { sequence?: unknown }).sequence === "number") await this.pub.publish(this.outbox, JSON.stringify({ topic, payload }));
    else await this.pub.publish(this.prefix + topic, JSON.stringify(payload));
  }
  override subscribe<T extends TopicName>(topic: T): AsyncIterableIterator<Topics[T]> {
    if (!this.channels.has(topic)) {
      this.channels.add(topic);
      void this.sub.subscribe(this.prefix + topic);
    }
    return super.subscribe(topic);
  }
  /** Resolves once the subscriber connection has joined every channel asked for so far. */
  override async ready(): Promise<void> {
    await this.sub.subscribe(...[...this.channels].map((c) => this.prefix + c), this.outbox, `${this.prefix}ping`);
  }
  override async reachable(timeoutMs: number): Promise<boolean> {
    // Offline commands would queue until Redis is back: ask only connections that are up, and not for long.
    if (this.pub.status !== "ready" || this.sub.status !== "ready") return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answered = this.pub.ping().then(
      () => true,
      () => false,
    );
    return Promise.race([answered, late]).finally(() => clearTimeout(timer));
  }
  override async close(): Promise<void> {
    await super.close();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}

export interface RedisOptions {
  url: string;
  /** the deployment's channel prefix (REDIS_PREFIX): instances of one deployment hear each other, others' never */
  prefix: string;
  /** reads what the outbox committed after a sequence (to fill a gap Redis left) */
  missed: MissedEvents;
  log: Logger;
}

/** In-process without `redis`; through Redis pub/sub with it. */
export function createEventBus(redis?: RedisOptions): EventBus {
  return redis ? new RedisBus(redis) : new LocalBus();
}

/**
 * The bus as services see it: a subscription opened inside a workspace (a client's subscription
 * operation) hears only that workspace's events and the signals that belong to none; background
 * listeners, outside any workspace, hear everything.
 */
export function workspaceFilteredBus(bus: EventBus): EventBus {
  return {
    publish: (topic, payload) => bus.publish(topic, payload),
    subscribe<T extends TopicName>(topic: T): AsyncIterableIterator<Topics[T]> {
      const workspaceId = currentWorkspaceId();
      const events = bus.subscribe(topic);
      if (workspaceId === null) return events;
      return filterMap(events, async (event) => {
        const owner = (event as { workspaceId?: string }).workspaceId;
        return owner === undefined || owner === workspaceId ? event : null;
      });
    },
    ready: () => bus.ready(),
    reachable: (timeoutMs) => bus.reachable(timeoutMs),
    close: () => bus.close(),
  };
}
