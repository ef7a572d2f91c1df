// Names of TLS supported groups (IANA "TLS Supported Groups" registry, RFC 8422 §5.1.1, RFC 8446 §4.2.7).
import { isGrease } from '../hello/grease.js';

const names: Record<number, string> = {
  19: 'secp192r1',
  21: 'secp224r1',
  22: 'secp256k1',
  23: 'secp256r1',
  24: 'secp384r1',
  25: 'secp521r1',
  26: 'brainpoolP256r1',
  27: 'brainpoolP384r1',
  28: 'brainpoolP512r1',
  29: 'x25519',
  30: 'x448',
  31: 'brainpoolP256r1tls13',
  32: 'brainpoolP384r1tls13',
  33: 'brainpoolP512r1tls13',
  256: 'ffdhe2048',
  257: 'ffdhe3072',
  258: 'ffdhe4096',
  259: 'ffdhe6144',
  260: 'ffdhe8192',
  0x11eb: 'SecP256r1MLKEM768',
  0x11ec: 'X25519MLKEM768',
  0x11ed: 'SecP384r1MLKEM1024',
  0x6399: 'X25519Kyber768Draft00',
};

/** The registry name, `GREASE` for an RFC 8701 value, or the decimal code when unknown. */
export function groupName(code: number): string {
  if (isGrease(code)) return 'GREASE';
  return names[code] ?? String(code);
}

export function knownGroupName(code: number): string | undefined {
  return names[code];
}
