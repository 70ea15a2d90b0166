import { EventEmitter } from "node:events";
import { Repeater } from "graphql-yoga";
import { Redis } from "ioredis";
import type { TopicName, Topics } from "./topics.ts";

export interface EventBus {
  publish<T extends TopicName>(topic: T, payload: Topics[T]): Promise<void>;
  /** Events of `topic` from now on, until the iterator's `return()` is called. */
  subscribe<T extends TopicName>(topic: T): AsyncIterableIterator<Topics[T]>;
  /** Resolves once every topic subscribed to so far is really being received. */
  ready(): Promise<void>;
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
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Fans events out to every process subscribed to the same Redis; local delivery happens on receipt. */
class RedisBus extends LocalBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channels = new Set<string>();
  constructor(url: string, private readonly prefix = "supportclock:") {
    super();
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.sub = new Redis(url, { lazyConnect: false });
    this.sub.on("message", (channel: string, message: string) => {
      this.emitter.emit(channel.slice(this.prefix.length), JSON.parse(message));
    });
  }
  override async publish<T extends TopicName>(topic: T, payload: Topics[T]): Promise<void> {
    await this.pub.publish(this.prefix + topic, JSON.stringify(payload));
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
    await this.sub.subscribe(...[...this.channels].map((c) => this.prefix + c), this.prefix + "ping");
  }
  override async close(): Promise<void> {
    await super.close();
    this.sub.disconnect();
    this.pub.disconnect();
  }
}

export function createEventBus(redisUrl?: string): EventBus {
  return redisUrl ? new RedisBus(redisUrl) : new LocalBus();
}
