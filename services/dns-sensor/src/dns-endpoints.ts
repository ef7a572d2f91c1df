// Who asked whom: the addressing of one DNS message as seen on the wire, captured once per message.

export type DnsTransport = 'udp' | 'tcp';

export interface DnsEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly mac?: string;
}

/** One message's context: its time, transport and the client/server ends (client = the side that asks). */
export interface DnsSighting {
  readonly tsSec: number;
  readonly tsNsec: number;
  readonly transport: DnsTransport;
  readonly client: DnsEndpoint;
  readonly server: DnsEndpoint;
  readonly ipVersion: 4 | 6;
  /** Outer VLAN ID, -1 when untagged. */
  readonly vlanId: number;
  readonly interfaceIndex: number;
  readonly communityId: string;
}
