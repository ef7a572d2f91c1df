// netwatch's discovery parsers and asset events against tshark 4.0, on a capture made with dnsmasq, dhclient, ping and tcpreplay.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ArpKind, ipv4NumberText, macNumberText } from '../protocols/arp.js';
import { LAB_HOSTNAME, LAB_VENDOR_CLASS, type DiscoveryRecording, recordDiscovery } from './record-discovery.js';
import { netwatchFrames, type ParsedFrame } from './netwatch-frames.js';
import { type FieldRow, onTheWire, tsharkFields } from './tshark-fields.js';
import { labSkip } from './lab-skip.js';
import { assetEventsOf } from './asset-events-of.js';
import { framesOf, headerValue, ok, opt, unescapeDns, type ValueOf } from './field-helpers.js';

const skip = labSkip('network namespaces, dnsmasq, tcpdump', ['tshark', 'dnsmasq', 'dhclient', 'tcpreplay', 'tcpdump']);

describe('asset discovery equals tshark on real traffic', { skip }, () => {
  let dir = '';
  let rec: DiscoveryRecording;
  let frames: Map<number, ParsedFrame>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-asset-conformance-'));
    rec = await recordDiscovery(dir);
    frames = netwatchFrames(rec.pcap);
  });
  after(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('DHCP: message type, host name, vendor class, parameter list, requested/assigned IP, server, chaddr', () => {
    const fields = ['dhcp.option.dhcp', 'dhcp.option.hostname', 'dhcp.option.vendor_class_id',
      'dhcp.option.request_list_item', 'dhcp.ip.your', 'dhcp.option.requested_ip_address', 'dhcp.hw.mac_addr',
      'dhcp.option.dhcp_server_id', 'dhcp.ip.client'];
    const shark = tsharkFields(rec.pcap, onTheWire('dhcp'), fields);
    const ours = framesOf(frames, 'dhcp');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    // DISCOVER ×2, OFFER ×2, REQUEST, ACK, RELEASE at least.
    assert.ok(shark.size >= 5, `${shark.size} DHCP frames`);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      assert.deepEqual({
        'dhcp.option.dhcp': opt(m.messageType), 'dhcp.option.hostname': opt(m.hostname),
        'dhcp.option.vendor_class_id': opt(m.vendorClass),
        'dhcp.option.request_list_item': (m.parameterRequestList ?? []).map(String), 'dhcp.ip.your': [m.yourIp],
        'dhcp.option.requested_ip_address': opt(m.requestedIp), 'dhcp.hw.mac_addr': opt(m.clientMac),
        'dhcp.option.dhcp_server_id': opt(m.serverId), 'dhcp.ip.client': [m.clientIp],
      }, row, `frame ${n}`);
    }
    const request = [...ours.values()].map((r) => (r.ok ? r.value : undefined)).find((m) => m?.messageType === 3);
    assert.equal(request?.hostname, LAB_HOSTNAME);
    assert.equal(request?.vendorClass, LAB_VENDOR_CLASS);
    assert.equal(request?.clientMac, rec.clientMac);
  });

  it('DHCPv6: message type, transaction ID, option request list, leased addresses, client DUID MAC, FQDN', () => {
    const shark = tsharkFields(rec.pcap, onTheWire('dhcpv6'), ['dhcpv6.msgtype', 'dhcpv6.xid', 'dhcpv6.requested_option_code',
      'dhcpv6.iaaddr.ip', 'dhcpv6.duidllt.link_layer_addr', 'dhcpv6.tld', 'dhcpv6.client_domain']);
    const ours = framesOf(frames, 'dhcpv6');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    // Solicit, Advertise, Request, Reply, Release, Reply.
    assert.ok(shark.size >= 6, `${shark.size} DHCPv6 frames`);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as ValueOf<'dhcpv6'>, n);
      assert.deepEqual({ type: [String(m.messageType)], xid: [`0x${m.transactionId.toString(16).padStart(6, '0')}`],
        oro: (m.optionRequest ?? []).map(String), addresses: [...m.addresses], mac: opt(m.duidMac), fqdn: opt(m.fqdn) },
      { type: row['dhcpv6.msgtype'], xid: row['dhcpv6.xid'], oro: row['dhcpv6.requested_option_code'],
        addresses: row['dhcpv6.iaaddr.ip'], mac: row['dhcpv6.duidllt.link_layer_addr']?.slice(0, 1),
        // tshark shows a fully qualified name in dhcpv6.tld with its root dot ("nw-lab-client.") and a partial
        // one (RFC 4704 §4.3, as dnsmasq answers) in dhcpv6.client_domain; presentation form has no root dot.
        fqdn: [...(row['dhcpv6.tld'] ?? []).map((name) => name.replace(/\.$/, '')), ...(row['dhcpv6.client_domain'] ?? [])] },
      `frame ${n}`);
    }
  });

  it('explained: a DHCP or DHCPv6 message quoted in an ICMP error is tshark\'s, not a message netwatch reads', () => {
    // Whether one appears depends on timing (dhclient closing its socket before the last Reply).
    const quoted = tsharkFields(rec.pcap, '(dhcp || dhcpv6) && (icmp || icmpv6)', ['icmpv6.type', 'icmp.type']);
    for (const [n, row] of quoted) {
      assert.ok([...(row['icmpv6.type'] ?? []), ...(row['icmp.type'] ?? [])].length > 0, `frame ${n} is an ICMP error`);
      assert.equal(frames.get(n), undefined, `frame ${n}: netwatch parsed the quoted message`);
    }
  });

  it('ARP: opcode, sender, target, gratuitous', () => {
    const shark = tsharkFields(rec.pcap, 'arp', ['arp.opcode', 'arp.src.hw_mac', 'arp.src.proto_ipv4',
      'arp.dst.proto_ipv4', 'arp.isgratuitous']);
    const ours = framesOf(frames, 'arp');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    for (const [n, row] of shark) {
      const a = ours.get(n) as NonNullable<ReturnType<typeof ours.get>>;
      assert.deepEqual({ 'arp.opcode': [String(a.opcode)], 'arp.src.hw_mac': [macNumberText(a.senderMac)],
        'arp.src.proto_ipv4': [ipv4NumberText(a.senderIp)], 'arp.dst.proto_ipv4': [ipv4NumberText(a.targetIp)],
        'arp.isgratuitous': a.kind === ArpKind.GRATUITOUS ? ['1'] : [] }, row, `frame ${n}`);
    }
  });

  it('LLDP: chassis, port, TTL, names, capabilities, management address (also VLAN-tagged)', () => {
    const shark = tsharkFields(rec.pcap, 'lldp', ['lldp.chassis.subtype', 'lldp.chassis.id.mac', 'lldp.port.subtype',
      'lldp.port.id', 'lldp.time_to_live', 'lldp.port.desc', 'lldp.tlv.system.name', 'lldp.tlv.system.desc',
      'lldp.tlv.system_cap', 'lldp.tlv.enable_system_cap', 'lldp.mgn.addr.ip4']);
    const ours = framesOf(frames, 'lldp');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    assert.equal(shark.size, 2);
    const hex4 = (v: number | undefined) => (v === undefined ? [] : [`0x${v.toString(16).padStart(4, '0')}`]);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      assert.deepEqual({ 'lldp.chassis.subtype': [String(m.chassisIdSubtype)], 'lldp.chassis.id.mac': [m.chassisId],
        'lldp.port.subtype': [String(m.portIdSubtype)], 'lldp.port.id': [m.portId], 'lldp.time_to_live': [String(m.ttlSec)],
        'lldp.port.desc': opt(m.portDescription), 'lldp.tlv.system.name': opt(m.systemName),
        'lldp.tlv.system.desc': opt(m.systemDescription), 'lldp.tlv.system_cap': hex4(m.capabilities),
        'lldp.tlv.enable_system_cap': hex4(m.enabledCapabilities), 'lldp.mgn.addr.ip4': [...m.managementAddresses] },
      row, `frame ${n}`);
    }
  });

  it('CDP: device ID, addresses, port, capabilities, software version, platform, native VLAN', () => {
    const shark = tsharkFields(rec.pcap, 'cdp', ['cdp.version', 'cdp.ttl', 'cdp.deviceid', 'cdp.nrgyz.ip_address',
      'cdp.portid', 'cdp.capabilities', 'cdp.software_version', 'cdp.platform', 'cdp.native_vlan']);
    const ours = framesOf(frames, 'cdp');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    assert.equal(shark.size, 1);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      assert.deepEqual({ 'cdp.version': [String(m.version)], 'cdp.ttl': [String(m.ttlSec)], 'cdp.deviceid': opt(m.deviceId),
        'cdp.nrgyz.ip_address': [...m.addresses], 'cdp.portid': opt(m.portId),
        'cdp.capabilities': m.capabilities === undefined ? [] : [`0x${m.capabilities.toString(16).padStart(8, '0')}`],
        'cdp.software_version': opt(m.softwareVersion), 'cdp.platform': opt(m.platform),
        'cdp.native_vlan': opt(m.nativeVlan) }, row, `frame ${n}`);
    }
  });

  it('SSDP: method or status, SERVER, LOCATION, USER-AGENT, NT/ST, NTS, USN', () => {
    const shark = tsharkFields(rec.pcap, onTheWire('ssdp'), ['http.request.method', 'http.response.code', 'http.server',
      'http.location', 'http.user_agent', 'http.unknown_header', 'http.request.line', 'http.response.line']);
    const ours = framesOf(frames, 'ssdp');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    assert.equal(shark.size, 2);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      const method = row['http.request.method']?.[0];
      assert.equal(m.kind, method === 'NOTIFY' ? 'notify' : method === 'M-SEARCH' ? 'search' : 'response', `frame ${n}`);
      assert.deepEqual(opt(m.status), row['http.response.code']);
      assert.deepEqual(opt(m.server), row['http.server']);
      assert.deepEqual(opt(m.location), row['http.location']);
      assert.deepEqual(opt(m.userAgent), row['http.user_agent']);
      assert.deepEqual(opt(m.target), headerValue(row, m.kind === 'notify' ? 'NT' : 'ST'));
      assert.deepEqual(opt(m.subtype), headerValue(row, 'NTS'));
      assert.deepEqual(opt(m.usn), headerValue(row, 'USN'));
    }
  });

  it('NBNS: opcode, response, names with their type suffix, TTL, group flag, addresses', () => {
    const shark = tsharkFields(rec.pcap, onTheWire('nbns'), ['nbns.flags.response', 'nbns.flags.opcode', 'nbns.name',
      'nbns.ttl', 'nbns.nb_flags.group', 'nbns.addr']);
    const ours = framesOf(frames, 'nbns');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    assert.equal(shark.size, 3);
    const display = (x: { name: string; suffix: number }) => `${x.name}<${x.suffix.toString(16).padStart(2, '0')}>`;
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      // tshark appends the name type's description to a record's name: "LAB-PC<00> (Workstation/Redirector)".
      const names = (row['nbns.name'] ?? []).map((s) => s.replace(/ \(.*\)$/, ''));
      assert.deepEqual({ response: [m.isResponse ? '1' : '0'], opcode: [String(m.opcode)],
        names: [...(m.question ? [display(m.question)] : []), ...m.records.map(display)],
        ttl: m.records.map((r) => String(r.ttlSec)), group: m.records.map((r) => (r.group ? '1' : '0')),
        addr: m.records.flatMap((r) => r.addresses) },
      { response: row['nbns.flags.response'], opcode: row['nbns.flags.opcode'], names, ttl: row['nbns.ttl'],
        group: row['nbns.nb_flags.group'], addr: row['nbns.addr'] }, `frame ${n}`);
    }
  });

  it('mDNS: addresses, SRV ports and targets, TXT entries, PTR targets', () => {
    const shark = tsharkFields(rec.pcap, onTheWire('mdns'), ['dns.flags.response', 'dns.a', 'dns.srv.port', 'dns.srv.target',
      'dns.txt', 'dns.ptr.domain_name']);
    const ours = framesOf(frames, 'mdns');
    assert.deepEqual([...ours.keys()], [...shark.keys()]);
    assert.equal(shark.size, 1);
    for (const [n, row] of shark) {
      const m = ok(ours.get(n) as NonNullable<ReturnType<typeof ours.get>>, n);
      assert.deepEqual({ response: [m.isResponse ? '1' : '0'], a: m.addresses.map((a) => a.address),
        port: m.services.map((s) => String(s.port)), target: m.services.map((s) => s.target),
        txt: m.txt.flatMap((t) => t.entries), ptr: m.pointers.map((p) => unescapeDns(p.target)) },
      { response: row['dns.flags.response'], a: row['dns.a'], port: row['dns.srv.port'], target: row['dns.srv.target'],
        txt: row['dns.txt'], ptr: row['dns.ptr.domain_name'] }, `frame ${n}`);
    }
  });

  it('explained difference: names are in RFC 1035 §5.1 presentation form (\\032 for a space), tshark shows raw text', () => {
    const shark = tsharkFields(rec.pcap, onTheWire('mdns'), ['dns.ptr.domain_name']);
    const [n, row] = [...shark][0] as [number, FieldRow];
    const m = ok(framesOf(frames, 'mdns').get(n) as ValueOf<'mdns'>, n);
    assert.deepEqual(row['dns.ptr.domain_name'], ['Office Printer._ipp._tcp.local']);
    assert.equal(m.pointers[0]?.target, 'Office\\032Printer._ipp._tcp.local');
  });

  it('asset events: the DHCP client with its name, class and lease, the ARP conflict tshark also flags, every announcer', () => {
    const { events, stats } = assetEventsOf(rec.pcap);
    const ecs = (mac: string) => mac.toUpperCase().replace(/:/g, '-');
    const about = (mac: string) => events.filter((e) => e.host.mac?.[0] === ecs(mac));
    const client = about(rec.clientMac);
    const shark = [...tsharkFields(rec.pcap, 'dhcp.option.dhcp == 5', ['dhcp.ip.your']).values()][0];
    assert.deepEqual(client[0]?.event.type, ['creation']);
    assert.equal(client[0]?.host.hostname, LAB_HOSTNAME);
    assert.equal(client[0]?.netwatch.asset.details?.['dhcp.vendor_class'], LAB_VENDOR_CLASS);
    assert.equal(client[0]?.netwatch.asset.details?.['dhcp.fingerprint'], '1,28,3,15,6,12,42');
    // dhclient ran with -sf /bin/true, so the lease was never configured and ping still used the
    // static 10.77.0.1: the ARP that followed moved the device from its leased address, a change.
    const change = client.find((e) => e.event.type.includes('change'));
    assert.deepEqual(change?.netwatch.asset.change, { field: 'host.ip', old: shark?.['dhcp.ip.your']?.[0], new: '10.77.0.1' });
    const conflict = events.find((e) => e.tags?.includes('ip_conflict'));
    assert.deepEqual(conflict?.netwatch.asset.change, { field: 'host.mac', old: '02:77:00:00:00:10', new: '02:77:00:00:00:11' });
    assert.equal(conflict?.netwatch.asset.details?.['arp.conflict_ip'], '10.77.0.10');
    assert.deepEqual(tsharkFields(rec.pcap, 'arp.duplicate-address-frame', ['arp.src.hw_mac']).size, 1);
    const hostnames = new Set(events.map((e) => e.host.hostname).filter(Boolean));
    for (const name of [LAB_HOSTNAME, 'lab-sw1', 'lab-cisco', 'LAB-PC', 'lab-printer']) assert.ok(hostnames.has(name), name);
    assert.ok(about(rec.serverMac).some((e) => e.host.ip?.includes('10.77.0.2')));
    const leased6 = [...tsharkFields(rec.pcap, onTheWire('dhcpv6.msgtype == 7 && dhcpv6.iaaddr.ip'), ['dhcpv6.iaaddr.ip']).values()];
    assert.ok(client.some((e) => e.host.ip?.includes(leased6[0]?.['dhcpv6.iaaddr.ip']?.[0] ?? 'none')));
    assert.deepEqual(stats.malformed, { arp: {}, dhcp: {}, dhcpv6: {}, mdns: {}, lldp: {}, cdp: {}, ssdp: {},
      nbns: {}, p0f: {} });
  });
});
