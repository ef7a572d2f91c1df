// One colour per protocol (network.protocol, else the transport), shared by the globe, its legend and the tables.

const PALETTE: Record<string, string> = {
  tls: '#38bdf8',
  https: '#38bdf8',
  http: '#f472b6',
  dns: '#a3e635',
  quic: '#818cf8',
  ssh: '#fb923c',
  ntp: '#fde047',
  smtp: '#2dd4bf',
  imap: '#2dd4bf',
  icmp: '#e879f9',
  ipv6_icmp: '#e879f9',
  tcp: '#94a3b8',
  udp: '#cbd5e1',
};

/** Names the legend always explains, in this order (others appear when seen). */
export const LEGEND_PROTOCOLS = ['tls', 'http', 'dns', 'quic', 'ssh', 'icmp', 'tcp', 'udp'];

const hashed = new Map<string, string>();

export function protocolColor(protocol: string | undefined): string {
  const name = (protocol ?? 'unknown').toLowerCase();
  const known = PALETTE[name];
  if (known !== undefined) return known;
  let color = hashed.get(name);
  if (color === undefined) {
    // a stable hue from the name (FNV-1a), kept away from the severity reds
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    color = `hsl(${40 + ((h >>> 0) % 280)}, 70%, 65%)`;
    if (hashed.size < 256) hashed.set(name, color);
  }
  return color;
}

/** A CSS colour (#rrggbb or hsl()) as linear-ish RGB 0..1 for the arc shader (sRGB values, blended additively). */
export function rgbOf(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex?.[1] !== undefined) {
    const n = parseInt(hex[1], 16);
    return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  }
  const hsl = /^hsl\((\d+(?:\.\d+)?),\s*(\d+)%,\s*(\d+)%\)$/.exec(css);
  if (hsl !== null) return hslToRgb(Number(hsl[1]) / 360, Number(hsl[2]) / 100, Number(hsl[3]) / 100);
  return [0.8, 0.8, 0.8];
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    const t = (t0 + 1) % 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
}
