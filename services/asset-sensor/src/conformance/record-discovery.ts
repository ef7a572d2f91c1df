// Makes the conformance capture: dnsmasq and dhclient, ping (ARP), and the crafted frames replayed, all in a NetnsLab.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PcapFileWriter } from '@netwatch/packet';
import { Capture } from '@netwatch/packet/testing/lab/lab-capture';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { waitFor } from '@netwatch/packet/testing/lab/wait';
import { labFrames } from './lab-frames.js';

export const LAB_HOSTNAME = 'nw-lab-client';
export const LAB_VENDOR_CLASS = 'netwatch-lab/1.0';

export interface DiscoveryRecording {
  readonly pcap: string;
  /** The MAC of the client's veth (what dhclient puts in chaddr). */
  readonly clientMac: string;
  readonly serverMac: string;
  readonly captured: number;
}

/**
 * Records, on the server's veth: a full DHCP exchange (dnsmasq serving 10.77.0.50–60 with DNS off;
 * dhclient asking once with a host name and vendor class, then releasing), ping's ARP, and the
 * crafted frames of lab-frames.ts sent with tcpreplay from the client's veth.
 */
export async function recordDiscovery(dir: string): Promise<DiscoveryRecording> {
  const crafted = join(dir, 'crafted.pcap');
  const writer = new PcapFileWriter(crafted);
  labFrames().forEach((f, i) => writer.write(f.frame, 1_750_000_000 + i, 0));
  writer.close();
  // dhclient.conf(5): what the client sends besides the defaults.
  const config = join(dir, 'dhclient.conf');
  writeFileSync(config, `send host-name "${LAB_HOSTNAME}";\nsend vendor-class-identifier "${LAB_VENDOR_CLASS}";\n` +
  'request subnet-mask, broadcast-address, routers, domain-name, domain-name-servers, host-name, ntp-servers;\n');
  const config6 = join(dir, 'dhclient6.conf');
  writeFileSync(config6, `send fqdn.fqdn "${LAB_HOSTNAME}";\nsend fqdn.server-update off;\n`);
  const lab = await NetnsLab.create();
  try {
    const mac = async (host: typeof lab.cli) =>
      /link\/ether ([0-9a-f:]{17})/.exec((await lab.execOk(host, 'ip', ['link', 'show', host.ifname])).stdout)?.[1] ?? '';
    const clientMac = await mac(lab.cli);
    const serverMac = await mac(lab.srv);
    const capture = await Capture.start(lab, lab.srv, join(dir, 'discovery.pcap'));
    const dnsmasq = lab.background(lab.srv, 'dnsmasq', 'dnsmasq', ['--no-daemon', '--conf-file=/dev/null', '--port=0',
      `--interface=${lab.srv.ifname}`, '--bind-interfaces', '--dhcp-range=10.77.0.50,10.77.0.60,12h',
      '--dhcp-range=fd77:6e77::50,fd77:6e77::60,64,12h',
      `--dhcp-leasefile=${join(dir, 'dnsmasq.leases')}`, `--pid-file=${join(dir, 'dnsmasq.pid')}`, '--user=root',
      '--log-dhcp', '--log-facility=-']);
    await lab.waitListening(lab.srv, 'udp', 67, dnsmasq);
    // -sf /bin/true: the address is not configured and no resolv.conf is touched, only the exchange happens.
    const dhclient = ['-cf', config, '-lf', join(dir, 'dhclient.leases'), '-pf', join(dir, 'dhclient.pid'),
      '-sf', '/bin/true'];
    await lab.execOk(lab.cli, 'dhclient', ['-1', ...dhclient, lab.cli.ifname], { timeoutMs: 30_000 });
    const dhclient6 = ['-6', '-cf', config6, '-lf', join(dir, 'dhclient6.leases'), '-pf', join(dir, 'dhclient6.pid'),
      '-sf', '/bin/true'];
    await lab.execOk(lab.cli, 'dhclient', ['-1', ...dhclient6, lab.cli.ifname], { timeoutMs: 30_000 });
    await lab.execOk(lab.cli, 'dhclient', ['-r', ...dhclient6, lab.cli.ifname], { timeoutMs: 15_000 });
    await lab.execOk(lab.cli, 'ping', ['-c', '2', '-i', '0.2', lab.srv.v4]);
    await lab.execOk(lab.cli, 'tcpreplay', ['-q', '--topspeed', '--no-flow-stats', '-i', lab.cli.ifname, crafted]);
    await lab.execOk(lab.cli, 'dhclient', ['-r', ...dhclient, lab.cli.ifname], { timeoutMs: 15_000 });
    await waitFor('dnsmasq logged the release', () => dnsmasq.stderr.includes('DHCPRELEASE'), 10_000);
    const stats = await capture.stop();
    return { pcap: capture.path, clientMac, serverMac, captured: stats.captured };
  } finally {
    await lab.destroy();
  }
}
