// JA3/JA3S strings and hashes: GREASE removal, empty fields, and a published vector (browserleaks.com, Chrome 143).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClientHello } from '../hello/client-hello.js';
import type { ClientHello, ServerHello } from '../hello/hello-types.js';
import { parseServerHello } from '../hello/server-hello.js';
import { chromeHello } from '../testing/chrome-hello.js';
import { clientHelloBody, ext, serverHelloBody } from '../testing/hello-builder.js';
import { ja3sString, ja3String, md5Hex } from './ja3.js';

const client = (body: Buffer) => parseClientHello(body, 0, body.length) as ClientHello;
const server = (body: Buffer) => parseServerHello(body, 0, body.length) as ServerHello;

describe('JA3', () => {
  it('drops GREASE from ciphers, extensions and groups, keeps point formats', () => {
    const hello = client(clientHelloBody({ ciphers: [0xdada, 4865, 49195], extensions: [ext.raw(0xfafa), ext.sni('x.y'),
      ext.groups([0x4a4a, 29, 23]), ext.pointFormats([0, 1, 2]), ext.raw(0x0a0a, Buffer.from([0]))] }));
    assert.equal(ja3String(hello), '771,4865-49195,0-10-11,29-23,0-1-2');
  });

  it('leaves absent fields empty', () => {
    const hello = client(clientHelloBody({ version: 0x0300, ciphers: [0x000a], extensions: null }));
    assert.equal(ja3String(hello), '768,10,,,');
  });

  it('matches the published Chrome 143 vector (ja3_text and ja3_hash)', () => {
    const hello = client(chromeHello);
    assert.equal(ja3String(hello), '771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,' +
    '45-51-16-65037-23-17613-0-11-10-43-65281-35-18-5-13-27,4588-29-23-24,0');
    assert.equal(md5Hex(ja3String(hello)), '98487aa16281980e7d1120d399efb6a4');
  });

  it('JA3S: legacy version, cipher, extensions', () => {
    const hello = server(serverHelloBody({ cipher: 0x1301,
      extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(29)] }));
    assert.equal(ja3sString(hello), '771,4865,43-51');
    assert.equal(md5Hex('771,4865,43-51'), 'f4febc55ea12b31ae17cfb7e614afda8');
  });
});
