// Makes the mDNS conformance capture: a real avahi-daemon announcing its host and a DNS-SD service in a NetnsLab.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Capture } from '@netwatch/packet/testing/lab/lab-capture';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { waitFor } from '@netwatch/packet/testing/lab/wait';

export const AVAHI_HOSTNAME = 'nw-lab-avahi';
export const AVAHI_SERVICE = { instance: 'Lab Printer', type: '_ipp._tcp', port: 631, model: 'netwatch lab printer' } as const;

export interface AvahiRecording {
  readonly pcap: string;
  /** The MAC and IPv4 address of the server veth, where avahi runs. */
  readonly serverMac: string;
  readonly serverIp: string;
  /** avahi-daemon's own log, for failure messages. */
  readonly log: string;
}

/** avahi-daemon.conf(5): one interface, no D-Bus (the host's bus is not ours to touch), no wide-area DNS. */
function daemonConfig(ifname: string): string {
  return ['[server]', `host-name=${AVAHI_HOSTNAME}`, 'domain-name=local', 'use-ipv4=yes', 'use-ipv6=yes',
    `allow-interfaces=${ifname}`, 'enable-dbus=no', '[wide-area]', 'enable-wide-area=no',
    '[publish]', 'publish-addresses=yes', 'publish-hinfo=yes', 'publish-workstation=yes',
    '[reflector]', 'enable-reflector=no', ''].join('\n');
}

/** avahi.service(5): a printer with the TXT keys of Bonjour Printing §9 that netwatch reads a model from. */
function printerService(): string {
  return ['<?xml version="1.0" standalone="no"?>', '<!DOCTYPE service-group SYSTEM "avahi-service.dtd">',
    '<service-group>', `  <name>${AVAHI_SERVICE.instance}</name>`, '  <service>',
    `    <type>${AVAHI_SERVICE.type}</type>`, `    <port>${AVAHI_SERVICE.port}</port>`,
    '    <txt-record>rp=printers/lab</txt-record>', `    <txt-record>ty=${AVAHI_SERVICE.model}</txt-record>`,
    '  </service>', '</service-group>', ''].join('\n');
}

/**
 * Records, on the client's veth: avahi-daemon in the server namespace probing and announcing its
 * host name, addresses, HINFO, workstation and printer services; then legacy unicast queries from
 * dig (RFC 6762 §6.7) for its address and its printers; then its goodbyes as it stops (§10.1).
 *
 * avahi runs in a private mount namespace: a tmpfs over /run keeps its pid file and socket out of
 * the host's /run, and the lab's own services directory is bound over /etc/avahi/services.
 */
export async function recordAvahi(dir: string): Promise<AvahiRecording> {
  const services = join(dir, 'avahi-services');
  mkdirSync(services, { recursive: true });
  writeFileSync(join(services, 'printer.service'), printerService());
  const lab = await NetnsLab.create();
  try {
    const config = join(dir, 'avahi-daemon.conf');
    writeFileSync(config, daemonConfig(lab.srv.ifname));
    const serverMac = /link\/ether ([0-9a-f:]{17})/
      .exec((await lab.execOk(lab.srv, 'ip', ['link', 'show', lab.srv.ifname])).stdout)?.[1] ?? '';
    const capture = await Capture.start(lab, lab.cli, join(dir, 'avahi.pcap'));
    const script = 'mount -t tmpfs -o size=1m,mode=0755 netwatch-avahi /run && mkdir /run/avahi-daemon' +
      ` && mount --bind "$1" /etc/avahi/services && exec avahi-daemon -f "$2" --no-drop-root --no-chroot --no-rlimits`;
    const avahi = lab.background(lab.srv, 'avahi-daemon', 'unshare',
      ['--mount', '--propagation', 'private', 'sh', '-c', script, 'avahi', services, config]);
    await waitFor('avahi-daemon established the printer service', () => {
      if (!avahi.running) throw new Error(`avahi-daemon exited: ${avahi.stderr}`);
      return avahi.stderr.includes('successfully established');
    }, 15_000);
    // The service's announcements follow its probes (RFC 6762 §8.3: two, a second apart, at least).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const dig = ['+time=2', '+tries=2', '-p', '5353', `@${lab.srv.v4}`];
    await lab.execOk(lab.cli, 'dig', [...dig, `${AVAHI_HOSTNAME}.local`, 'A']);
    await lab.execOk(lab.cli, 'dig', [...dig, `${AVAHI_SERVICE.type}.local`, 'PTR']);
    await avahi.stop('SIGTERM', 5_000);
    // The goodbye packets leave as the daemon exits; give them a moment on the wire.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await capture.stop();
    return { pcap: capture.path, serverMac, serverIp: lab.srv.v4, log: avahi.stderr };
  } finally {
    await lab.destroy();
  }
}
