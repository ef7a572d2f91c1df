// Several interfaces captured at once: one handle each, one consumer, told apart by PacketView.interfaceIndex.
import { type LiveCapture, type LiveCaptureStats, type OnBatch, type OnCaptureError, openLiveCapture } from './live-capture.js';
import type { InterfaceCaptureStats } from '../analyzer.js';
import type { LiveCaptureOptions } from './live-options.js';

export class LiveCaptureGroup {
  constructor(readonly captures: readonly LiveCapture[]) {}

  /** Start every capture with the same callbacks; each batch carries its capture's interfaceIndex. */
  start(onBatch: OnBatch, onError?: OnCaptureError): void {
    for (const capture of this.captures) capture.start(onBatch, onError);
  }

  /** Per capture, in the order opened. */
  stats(): LiveCaptureStats[] {
    return this.captures.map((c) => c.stats());
  }

  /** pcap_stats per interface in the shape analyzers take (AnalyzerContext.captureStats). */
  interfaceStats(): InterfaceCaptureStats[] {
    return this.captures.map((c) => {
      const s = c.stats();
      return { name: c.interfaceName, received: s.received, dropped: s.dropped, ifDropped: s.ifDropped };
    });
  }

  /** Interface names by interfaceIndex, e.g. for AnalyzerContext.interfaceNames. */
  interfaceNames(): string[] {
    const names: string[] = [];
    for (const c of this.captures) names[c.interfaceIndex] = c.interfaceName;
    return names;
  }

  close(): void {
    for (const capture of this.captures) capture.close();
  }
}

/**
 * Open one capture per entry; `interfaceIndex` defaults to the entry's position. If one fails
 * to open, those already open are closed and the error is thrown.
 */
export function openLiveCaptures(list: readonly LiveCaptureOptions[]): LiveCaptureGroup {
  const opened: LiveCapture[] = [];
  try {
    list.forEach((options, i) => {
      opened.push(openLiveCapture({ ...options, interfaceIndex: options.interfaceIndex ?? i }));
    });
  } catch (err) {
    for (const capture of opened) capture.close();
    throw err;
  }
  return new LiveCaptureGroup(opened);
}
