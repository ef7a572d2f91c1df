// The live feed: one EventSource on /api/v1/feed (Server-Sent Events, WHATWG HTML §9.2), closed and reopened with
// jittered backoff on any error, so the app controls retries (a 401 stops them and shows the login page).
import { backoffDelay } from './backoff.js';
import { Publisher } from './publisher.js';

export type FeedEvent = 'flows' | 'alerts' | 'devices' | 'stats';
export const FEED_EVENTS: readonly FeedEvent[] = ['flows', 'alerts', 'devices', 'stats'];

export type FeedState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'unauthorized' | 'stopped';

export interface FeedStatus {
  state: FeedState;
  /** reconnect attempts since the last good connection */
  attempt: number;
  /** when the next attempt happens (epoch ms), while reconnecting */
  retryAt?: number;
  /** when the last event arrived (epoch ms) */
  lastEventAt?: number;
  messages: number;
  badMessages: number;
}

/** The part of EventSource the feed uses (a real EventSource in the browser). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
  onopen: ((ev: Event) => void) | null;
  onerror: ((ev: Event) => void) | null;
}

export interface FeedOptions {
  url: string;
  onEvent: (event: FeedEvent, data: unknown) => void;
  /** asked after an error: false means the session is gone (no more retries) */
  isAuthorized: () => Promise<boolean>;
  open?: (url: string) => EventSourceLike;
}

export class LiveFeed {
  readonly publisher = new Publisher(250);
  status: FeedStatus = { state: 'idle', attempt: 0, messages: 0, badMessages: 0 };
  private source: EventSourceLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;

  constructor(private readonly options: FeedOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
    this.set({ state: 'stopped', retryAt: undefined });
  }

  private connect(): void {
    if (!this.running) return;
    this.set({ state: this.status.attempt === 0 ? 'connecting' : 'reconnecting', retryAt: undefined });
    const open = this.options.open ?? ((url: string) => new EventSource(url) as EventSourceLike);
    const source = open(this.options.url);
    this.source = source;
    source.onopen = () => this.set({ state: 'live' });
    source.onerror = () => void this.failed(source);
    for (const name of FEED_EVENTS) {
      source.addEventListener(name, (ev) => this.message(name, ev.data));
    }
  }

  private message(name: FeedEvent, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      this.status.badMessages++;
      return;
    }
    // A message proves the connection good: the next failure starts the backoff from the beginning.
    this.status.attempt = 0;
    this.status.messages++;
    this.status.lastEventAt = Date.now();
    if (this.status.state !== 'live') this.status.state = 'live';
    this.publisher.changed();
    this.options.onEvent(name, data);
  }

  private async failed(source: EventSourceLike): Promise<void> {
    if (source !== this.source || !this.running) return;
    source.close();
    this.source = undefined;
    const attempt = this.status.attempt;
    this.set({ state: 'reconnecting', attempt: attempt + 1 });
    const authorized = await this.options.isAuthorized().catch(() => true);
    if (!this.running) return;
    if (!authorized) {
      this.running = false;
      this.set({ state: 'unauthorized', retryAt: undefined });
      return;
    }
    const delay = backoffDelay(attempt, Math.random());
    this.set({ retryAt: Date.now() + delay });
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private set(patch: Partial<FeedStatus>): void {
    this.status = { ...this.status, ...patch };
    this.publisher.changed();
  }
}
