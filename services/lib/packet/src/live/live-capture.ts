// LiveCapture: one interface captured through libpcap, delivered in batches on the event loop.
import { LiveBatch } from './live-batch.js';
import { LiveCaptureError, toLiveCaptureError } from './live-capture-error.js';
import { type LiveCaptureOptions, resolveLiveCaptureOptions } from './live-options.js';
import { loadAddon, type NativeAddon, type NativeHandle } from './native-addon.js';

/**
 * Batches drained per readiness before yielding to the event loop, so timers, the bus and
 * metrics keep running under a flood; the rest is read on the next turn (setImmediate).
 */
const MAX_BATCHES_PER_TURN = 4;

export type TimestampPrecision = 'nano' | 'micro';

/** Counters since open. On Linux these are the kernel's (PACKET_STATISTICS), via pcap_stats(3PCAP). */
export interface LiveCaptureStats {
  /** Packets that passed the filter, including those dropped (ps_recv). */
  received: number;
  /** Packets the kernel dropped because the ring buffer was full (ps_drop): the capture was too slow. */
  dropped: number;
  /** Packets the interface or its driver dropped since open (ps_ifdrop, from /proc/net/dev on Linux). */
  ifDropped: number;
  /** Packets handed to onBatch. */
  packets: number;
  /** Packets libpcap handed over beyond the batch buffer and its spill slots; should stay 0. */
  discarded: number;
}

export type OnBatch = (batch: LiveBatch) => void;
export type OnCaptureError = (error: LiveCaptureError) => void;

export class LiveCapture {
  readonly interfaceName: string;
  readonly interfaceIndex: number;
  /** LINKTYPE_* of every packet (pcap_datalink(3PCAP)). */
  readonly linktype: number;
  readonly snaplen: number;
  /** 'nano' when the kernel gives nanosecond timestamps (pcap_set_tstamp_precision(3PCAP)); tsNsec is exact either way. */
  readonly timestampPrecision: TimestampPrecision;
  /** A pcap_activate(3PCAP) warning (for example promiscuous mode unsupported), else undefined. */
  readonly warning: string | undefined;
  private handle: NativeHandle | undefined;
  private readonly buffer: Buffer;
  private readonly result = new Uint32Array(2);
  private readonly batch: LiveBatch;
  private onBatch: OnBatch | undefined;
  private onError: OnCaptureError | undefined;
  private drainScheduled = false;
  private delivered = 0;
  private finalStats: LiveCaptureStats | undefined;

  /** Use openLiveCapture(). */
  constructor(
    private readonly addon: NativeAddon,
    options: LiveCaptureOptions,
  ) {
    const o = resolveLiveCaptureOptions(options);
    this.interfaceName = o.interface;
    this.interfaceIndex = o.interfaceIndex;
    let opened;
    try {
      opened = addon.open({
        device: o.interface,
        filter: o.filter,
        snaplen: o.snaplen,
        promiscuous: o.promiscuous,
        bufferSize: o.bufferSizeBytes,
        timeoutMs: o.timeoutMs,
        immediate: o.immediate,
      });
    } catch (err) {
      throw toLiveCaptureError(err, o.interface);
    }
    this.handle = opened.handle;
    this.linktype = opened.linktype;
    this.snaplen = opened.snaplen;
    this.timestampPrecision = opened.timestampPrecision;
    this.warning = opened.warning ?? undefined;
    // allocUnsafeSlow: a buffer of its own, not a slice of Node's shared pool; every byte read is written first.
    this.buffer = Buffer.allocUnsafeSlow(Math.max(o.batchBytes, 2 * opened.recordMaxBytes));
    this.batch = new LiveBatch(this.buffer, this.linktype, this.interfaceIndex);
  }

  /**
   * Start delivering packets: `onBatch` is called on the event loop with each batch (one
   * pcap_dispatch). If reading fails later (the interface goes down or away), the capture is
   * closed and `onError` is called; without `onError` the error is thrown as an uncaught exception.
   */
  start(onBatch: OnBatch, onError?: OnCaptureError): void {
    const handle = this.openHandle();
    if (this.onBatch !== undefined) {
      throw new LiveCaptureError('already_started', this.interfaceName, `${this.interfaceName}: already started`);
    }
    this.onBatch = onBatch;
    this.onError = onError;
    try {
      this.addon.poll(handle, this.onReadable);
    } catch (err) {
      throw toLiveCaptureError(err, this.interfaceName);
    }
    // Packets may have arrived between open and start; their readiness is level-triggered, but read now anyway.
    this.scheduleDrain();
  }

  /** Kernel counters since open; after close(), the counters as they were at close. */
  stats(): LiveCaptureStats {
    if (this.handle === undefined) {
      if (this.finalStats !== undefined) return { ...this.finalStats };
      throw new LiveCaptureError('closed', this.interfaceName, `${this.interfaceName}: the live capture is closed`);
    }
    let s;
    try {
      s = this.addon.stats(this.handle);
    } catch (err) {
      throw toLiveCaptureError(err, this.interfaceName);
    }
    return {
      received: s.received,
      dropped: s.dropped,
      ifDropped: s.ifDropped,
      packets: this.delivered,
      discarded: s.discarded,
    };
  }

  /**
   * Sends one link-layer frame out of this interface (pcap_inject). Only the asset sensor's
   * opt-in ARP sweep sends anything; a sensor is otherwise passive.
   */
  inject(frame: Uint8Array): number {
    if (this.handle === undefined) {
      throw new LiveCaptureError('closed', this.interfaceName, `${this.interfaceName}: the live capture is closed`);
    }
    try {
      return this.addon.inject(this.handle, frame);
    } catch (err) {
      throw toLiveCaptureError(err, this.interfaceName);
    }
  }

  /** Stop polling and release the capture; packets not yet delivered are discarded. Safe to call twice. */
  close(): void {
    const handle = this.handle;
    if (handle === undefined) return;
    try {
      this.finalStats = this.stats();
    } catch {
      // The capture already failed; there are no counters to keep.
    }
    this.handle = undefined;
    this.addon.close(handle);
  }

  get closed(): boolean {
    return this.handle === undefined;
  }

  private openHandle(): NativeHandle {
    if (this.handle === undefined) {
      throw new LiveCaptureError('closed', this.interfaceName, `${this.interfaceName}: the live capture is closed`);
    }
    return this.handle;
  }

  private readonly onReadable = (pollError: string | undefined): void => {
    this.drain();
    if (pollError !== undefined && this.handle !== undefined) {
      const message = `${this.interfaceName}: waiting for packets failed: ${pollError}`;
      this.fail(new LiveCaptureError('capture_failed', this.interfaceName, message));
    }
  };

  /** Dispatch until nothing is left, at most MAX_BATCHES_PER_TURN batches this turn. */
  private drain(): void {
    for (let i = 0; i < MAX_BATCHES_PER_TURN; i++) {
      const handle = this.handle;
      const onBatch = this.onBatch;
      if (handle === undefined || onBatch === undefined) return;
      let packets: number;
      try {
        packets = this.addon.dispatch(handle, this.buffer, 0, this.result);
      } catch (err) {
        this.fail(toLiveCaptureError(err, this.interfaceName));
        return;
      }
      if (packets === 0) return;
      this.delivered += packets;
      this.batch.load(packets, this.result[1] ?? 0);
      onBatch(this.batch);
    }
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private fail(error: LiveCaptureError): void {
    this.close();
    if (this.onError === undefined) throw error;
    this.onError(error);
  }
}

/** Open a live capture (throws LiveCaptureError); call start() to receive packets and close() when done. */
export function openLiveCapture(options: LiveCaptureOptions): LiveCapture {
  return new LiveCapture(loadAddon(), options);
}
