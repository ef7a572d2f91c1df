// A Chrome 143 ClientHello rebuilt from the fields browserleaks.com published for it (ja3_text, ja4_ro), GREASE added.
import { clientHelloBody, ext } from './hello-builder.js';

/**
 * Published (tls.browserleaks.com, Chrome 143 / Android): ja3_hash 98487aa16281980e7d1120d399efb6a4,
 * ja4 t13d1516h2_8daaf6152771_d8a2da3f94cd. Chrome puts GREASE first in ciphers, groups,
 * versions and key shares, and as the first and last extension (RFC 8701 §3); the fingerprints ignore them.
 */
export const chromeHello = clientHelloBody({
  sessionId: Buffer.alloc(32, 0x26),
  ciphers: [0x3a3a, 4865, 4866, 4867, 49195, 49199, 49196, 49200, 52393, 52392, 49171, 49172, 156, 157, 47, 53],
  extensions: [
    ext.raw(0x8a8a),
    ext.raw(45, Buffer.from([1, 1])),
    ext.keyShare([0x5a5a, 4588, 29]),
    ext.alpn(['h2', 'http/1.1']),
    ext.raw(65037, Buffer.alloc(40, 0xec)),
    ext.raw(23),
    ext.raw(17613, Buffer.from([0, 3, 2, 0x68, 0x32])),
    ext.sni('tls.browserleaks.com'),
    ext.pointFormats([0]),
    ext.groups([0x5a5a, 4588, 29, 23, 24]),
    ext.supportedVersions([0x9a9a, 0x0304, 0x0303]),
    ext.raw(65281, Buffer.from([0])),
    ext.raw(35),
    ext.raw(18),
    ext.raw(5, Buffer.from([1, 0, 0, 0, 0])),
    ext.signatureAlgorithms([0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]),
    ext.raw(27, Buffer.from([2, 0, 2])),
    ext.raw(0xbaba, Buffer.from([0])),
  ],
});
