// The crafted discovery frames replayed into the lab: protocols no daemon here speaks (LLDP, CDP, SSDP, NBNS, mDNS, gratuitous ARP).
import { ethernetVlan, vlanTag } from '@netwatch/packet/decode/testing/frame-builder';
import {
  arpFrame, BROADCAST, cdpAddresses, cdpFrame, cdpPayload, cdpTlv, lldpFrame, lldpPayload, mac, MDNS_MULTICAST,
  mdnsPrinterAnnouncement, nbnsQueryResponse, nbnsRegistration, SSDP_MULTICAST, ssdpNotify, ssdpSearch, udpFrame,
} from '../testing/discovery-frames.js';

/** Locally administered MACs (IEEE 802 §8.3) and lab addresses: nothing outside the namespaces is named. */
export const LabMac = {
  ANNOUNCER: mac('02:77:00:00:00:10'),
  THIEF: mac('02:77:00:00:00:11'),
  SWITCH: mac('02:77:00:00:00:20'),
  CISCO: mac('02:77:00:00:00:21'),
  RENDERER: mac('02:77:00:00:00:40'),
  WORKSTATION: mac('02:77:00:00:00:23'),
  PRINTER: mac('02:77:00:00:00:50'),
} as const;

const u32 = (v: number) => Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);

export interface LabFrame {
  readonly name: string;
  readonly frame: Uint8Array;
}

export function labFrames(): LabFrame[] {
  const lldp = lldpPayload({ chassisMac: LabMac.SWITCH, port: 'ge-0/0/7', systemName: 'lab-sw1',
    description: 'Lab switch, firmware 1.2.3', portDescription: 'to cli', capabilities: [0x14, 0x04],
    managementIp: '10.77.0.20' });
  const vlanLldp = ethernetVlan([vlanTag(0x8100, 77)], 0x88cc, lldp);
  vlanLldp.set(Uint8Array.of(0x01, 0x80, 0xc2, 0, 0, 0x0e), 0);
  vlanLldp.set(LabMac.SWITCH, 6);
  return [
    { name: 'gratuitous-arp', frame: arpFrame(1, LabMac.ANNOUNCER, '10.77.0.10', new Uint8Array(6), '10.77.0.10') },
    { name: 'conflicting-arp', frame: arpFrame(2, LabMac.THIEF, '10.77.0.10', BROADCAST, '10.77.0.10') },
    { name: 'lldp', frame: lldpFrame(lldp, LabMac.SWITCH) },
    { name: 'lldp-vlan', frame: vlanLldp },
    { name: 'cdp', frame: cdpFrame(cdpPayload([cdpTlv(1, 'lab-cisco'), cdpTlv(2, cdpAddresses('10.77.0.21')),
      cdpTlv(3, 'GigabitEthernet1/0/3'), cdpTlv(4, u32(0x0a)), cdpTlv(5, 'Cisco IOS XE Software, Version 17.9.4'),
      cdpTlv(6, 'cisco C9200L-24T-4G'), cdpTlv(0x0a, Uint8Array.of(0, 77))]), LabMac.CISCO) },
    { name: 'ssdp-notify', frame: udpFrame({ srcMac: LabMac.RENDERER, dstMac: SSDP_MULTICAST, src: '10.77.0.40',
      dst: '239.255.255.250', sport: 1900, dport: 1900, ttl: 4 }, ssdpNotify('http://10.77.0.40:1400/xml/device_description.xml')) },
    { name: 'ssdp-search', frame: udpFrame({ srcMac: LabMac.WORKSTATION, dstMac: SSDP_MULTICAST, src: '10.77.0.23',
      dst: '239.255.255.250', sport: 50123, dport: 1900, ttl: 4 }, ssdpSearch()) },
    { name: 'nbns-registration', frame: udpFrame({ srcMac: LabMac.WORKSTATION, dstMac: BROADCAST, src: '10.77.0.23',
      dst: '10.77.0.255', sport: 137, dport: 137 }, nbnsRegistration('LAB-PC', 0x00, '10.77.0.23')) },
    { name: 'nbns-group', frame: udpFrame({ srcMac: LabMac.WORKSTATION, dstMac: BROADCAST, src: '10.77.0.23',
      dst: '10.77.0.255', sport: 137, dport: 137 }, nbnsRegistration('LABGROUP', 0x00, '10.77.0.23', true, 0x8e1b)) },
    { name: 'nbns-response', frame: udpFrame({ srcMac: LabMac.WORKSTATION, dstMac: LabMac.ANNOUNCER, src: '10.77.0.23',
      dst: '10.77.0.10', sport: 137, dport: 137 }, nbnsQueryResponse('LAB-PC', 0x20, '10.77.0.23')) },
    { name: 'mdns-printer', frame: udpFrame({ srcMac: LabMac.PRINTER, dstMac: MDNS_MULTICAST, src: '10.77.0.50',
      dst: '224.0.0.251', sport: 5353, dport: 5353, ttl: 255 }, mdnsPrinterAnnouncement('lab-printer.local', '10.77.0.50')) },
  ];
}
