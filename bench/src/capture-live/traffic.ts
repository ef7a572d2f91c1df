// The frames the bench replays: small UDP and TCP frames (60-78 bytes), numbered, written with PcapFileWriter.
import { NumberedFrame, writeNumberedCapture } from '@netwatch/packet/live/testing/numbered-frames';

/** Write `packets` frames to `path`, cycling UDP 60, TCP 60, UDP 78, TCP 74 bytes; returns the frame bytes. */
export function writeBenchCapture(path: string, packets: number): number {
  const templates = [
    new NumberedFrame({ protocol: 17, dstPort: 53, length: 60, tag: 0 }),
    new NumberedFrame({ protocol: 6, dstPort: 443, length: 60, tag: 0 }),
    new NumberedFrame({ protocol: 17, dstPort: 123, length: 78, tag: 0 }),
    new NumberedFrame({ protocol: 6, dstPort: 80, length: 74, tag: 0 }),
  ];
  return writeNumberedCapture(path, packets, templates, (i) => i & 3);
}
