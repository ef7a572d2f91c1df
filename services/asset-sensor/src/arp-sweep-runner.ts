// The asset sensor's opt-in active ARP sweep: one ArpSweep per Ethernet interface, a pass at start and every interval.
import { readFileSync } from 'node:fs';
import type { Logger } from '@netwatch/kit';
import { NetwatchError } from '@netwatch/kit/errors';
import { LinkType, type LiveCaptureGroup } from '@netwatch/packet';
import { ArpSweep } from '@netwatch/packet/live/arp-sweep';
import { listInterfaces } from '@netwatch/packet';
import { parseIp } from '@netwatch/schemas';

export interface ArpSweepSettings {
  /** IPv4 prefixes to sweep; empty: no sweep (the default — a sensor is passive unless asked). */
  readonly prefixes: readonly string[];
  readonly intervalSec: number;
  readonly ratePerSecond: number;
  /** The sender address of the requests; unset: the interface's first IPv4 address. */
  readonly sourceIp?: string;
}

function macOf(interfaceName: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(`/sys/class/net/${interfaceName}/address`, 'utf8').trim();
  } catch (error) {
    throw new NetwatchError('config_invalid', `NETWATCH_ASSET_ARP_SWEEP: cannot read the MAC of ${interfaceName}`,
      { cause: error, details: { variable: 'NETWATCH_ASSET_ARP_SWEEP' } });
  }
  return Uint8Array.from(text.split(':').map((h) => parseInt(h, 16)));
}

function ipv4Number(text: string): number {
  const b = parseIp(text);
  return (((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number)) >>> 0;
}

function sourceIpOf(interfaceName: string, settings: ArpSweepSettings): number {
  if (settings.sourceIp !== undefined) return ipv4Number(settings.sourceIp);
  const address = listInterfaces().find((i) => i.name === interfaceName)?.addresses.find((a) => a.family === 'ipv4');
  if (address === undefined) {
    throw new NetwatchError('config_invalid', `NETWATCH_ASSET_ARP_SWEEP: ${interfaceName} has no IPv4 address to ` +
      'send ARP requests from; set NETWATCH_ASSET_ARP_SWEEP_SOURCE', { details: { variable: 'NETWATCH_ASSET_ARP_SWEEP' } });
  }
  return ipv4Number(address.address);
}

/**
 * Starts a sweep of `settings.prefixes` out of every Ethernet interface of `group`, repeated every
 * interval; the replies come back through the capture like any ARP, so the analyzer learns the
 * devices as usual. Returns undefined when no sweep is configured.
 */
export function startArpSweeps(group: LiveCaptureGroup, settings: ArpSweepSettings,
  logger: Logger): { stop(): void } | undefined {
  if (settings.prefixes.length === 0) return undefined;
  const sweeps = group.captures.filter((c) => c.linktype === LinkType.ETHERNET).map((capture) => {
    const sweep = new ArpSweep({
      prefixes: settings.prefixes,
      senderMac: macOf(capture.interfaceName),
      senderIp: sourceIpOf(capture.interfaceName, settings),
      ratePerSecond: settings.ratePerSecond,
      send: (frame) => capture.inject(frame),
      onPassDone: (sent) => logger.info({ interface: capture.interfaceName, sent, failed: sweep.failed },
        'ARP sweep pass done'),
    });
    logger.info({ interface: capture.interfaceName, addresses: sweep.size, rate: settings.ratePerSecond },
      'ARP sweep starting');
    sweep.start();
    return sweep;
  });
  const timer = setInterval(() => sweeps.forEach((s) => s.start()), settings.intervalSec * 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sweeps.forEach((s) => s.stop());
    },
  };
}
