// Protocol version code points (RFC 8446 §4.2.1, RFC 6101, RFC 6347) as ECS tls.version text.

/** 0x0303 → "1.2"; 0x0300 → "3.0" (SSL); undefined for anything else (GREASE, drafts). */
export function versionText(version: number): { version: string; protocol: 'tls' | 'ssl' } | undefined {
  switch (version) {
    case 0x0304: return { version: '1.3', protocol: 'tls' };
    case 0x0303: return { version: '1.2', protocol: 'tls' };
    case 0x0302: return { version: '1.1', protocol: 'tls' };
    case 0x0301: return { version: '1.0', protocol: 'tls' };
    case 0x0300: return { version: '3.0', protocol: 'ssl' };
    default: return undefined;
  }
}
