// Who sent a packet: its source MAC and IP, and whether the MAC really is the sender's (not a router's).

/** What the analyzer knows about the sender of one datagram. */
export interface PacketOrigin {
  /** Source MAC as a 48-bit integer, when the sender is on this segment; undefined if routed or unknown. */
  readonly mac: number | undefined;
  readonly ip: string;
  /** The frame's source MAC whatever it belongs to (a router's, for a routed packet). */
  readonly frameMac: number | undefined;
}

/** MAC text `aa:bb:cc:dd:ee:ff` as a 48-bit integer (the form registry keys use). */
export function macTextNumber(text: string): number {
  return Number.parseInt(text.replace(/:/g, ''), 16);
}
