// Messages between the feed bench (server side) and its client process over the fork IPC channel.

export type Command =
  | { readonly type: 'connect'; readonly url: string; readonly token: string; readonly clients: number } |
  { readonly type: 'report'; readonly fromMs: number; readonly toMs: number } |
  { readonly type: 'disconnect' };

/** One client's receipts inside the measured window (by the time each chunk arrived). */
export interface ClientWindow {
  readonly flows: number;
  readonly messages: number;
  readonly bytes: number;
  /** Sum of the `dropped` counts the server reported in `flows` messages. */
  readonly dropped: number;
}

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export type Reply =
  | { readonly type: 'connected'; readonly clients: number } |
  {
    readonly type: 'report';
    readonly perClient: readonly ClientWindow[];
    /** Publish → parsed in the client, over every flow received in the window, all clients. */
    readonly latency: LatencySummary;
    /** CPU time of the whole client process (all clients) in the window, ms. */
    readonly cpuMs: number;
    readonly errors: readonly string[];
  } |
  { readonly type: 'disconnected' } |
  { readonly type: 'error'; readonly message: string };
