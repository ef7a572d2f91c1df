// Tests of the p0f.fp parser: the bundled database in full, one signature field by field, and each kind of bad line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { NetwatchError } from '@netwatch/kit';
import { loadSignatures } from './fp-parser.js';
import { Quirk } from './quirks.js';
import { WindowType } from './signature.js';
import { BUNDLED_P0F_DB, loadConfiguredSignatures, loadSignatureFile } from './signature-file.js';
import { TcpOptionKind as K } from './tcp-option-kind.js';

const HEAD = 'classes = win,unix,other\n[tcp:request]\nlabel = s:unix:Linux:3.x\n';

function lineError(text: string): string {
  try {
    loadSignatures(text, 'test.fp');
  } catch (error) {
    assert.ok(error instanceof NetwatchError);
    assert.equal(error.code, 'input_unreadable');
    return error.message;
  }
  assert.fail('expected an error');
}

describe('loadSignatures', () => {
  const db = loadSignatureFile();

  it('reads the bundled p0f 3.09b database: every TCP sig line, none from [mtu] or [http:*]', () => {
    const text = readFileSync(BUNDLED_P0F_DB, 'latin1');
    const sections = text.split(/^\[/m);
    const count = (name: string) => (sections.find((s) => s.startsWith(name))?.match(/^sig\s*=/gm) ?? []).length;
    assert.equal(db.request.all.length, count('tcp:request]'));
    assert.equal(db.response.all.length, count('tcp:response]'));
    assert.equal(db.request.all.length, 91);
    assert.equal(db.response.all.length, 101);
    assert.deepEqual(db.classes, ['win', 'unix', 'other']);
  });

  it('parses the first Linux signature field by field', () => {
    const sig = db.request.all[0];
    assert.ok(sig);
    assert.equal(sig.text, '*:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0');
    assert.equal(sig.line, 96);
    assert.deepEqual(
      { ...sig, label: sig.label.text, layout: [...sig.layout], layoutHash: 0 },
      { label: 's:unix:Linux:3.11 and newer', ipVersion: -1, ttl: 64, badTtl: false, ipOptionsLength: 0, mss: -1,
        windowType: WindowType.MSS, window: 20, windowScale: 10, layout: [K.MSS, K.SACK_PERMITTED, K.TIMESTAMPS, K.NOP,
          K.WSCALE], layoutHash: 0, eolPadding: 0, quirks: Quirk.DF | Quirk.NZ_ID, payloadClass: 0,
        text: sig.text, line: 96 });
    assert.deepEqual({ ...sig.label }, { generic: false, osClass: 'unix', name: 'Linux', flavor: '3.11 and newer', sys: [],
      text: 's:unix:Linux:3.11 and newer', line: 95 });
  });

  it('reads application labels with sys, random TTLs, eol+N, mtu*N and empty flavors', () => {
    const nmap = db.request.all.find((s) => s.text === '*:64-:0:1460:1024,0:mss::0');
    assert.ok(nmap);
    assert.equal(nmap.badTtl, true);
    assert.equal(nmap.ttl, 64);
    assert.equal(nmap.quirks, 0);
    assert.deepEqual(nmap.label.sys, ['@unix', '@win']);
    assert.equal(nmap.label.osClass, '!');
    const mac = db.request.all.find((s) => s.label.text === 'g:unix:Mac OS X:');
    assert.ok(mac);
    assert.equal(mac.label.flavor, '');
    assert.equal(mac.label.generic, true);
    assert.equal(mac.eolPadding, 1);
    assert.equal(mac.layout.at(-1), K.EOL);
    assert.equal(mac.windowScale, -1);
    const vms = db.request.all.find((s) => s.label.name === 'OpenVMS' && s.label.flavor === '8.x');
    assert.deepEqual([vms?.ipVersion, vms?.windowType, vms?.window, vms?.mss], [4, WindowType.MTU, 2, 1460]);
  });

  it('buckets signatures by layout in file order', () => {
    const linux = db.request.byLayout.get(db.request.all[0]?.layoutHash ?? 0) ?? [];
    assert.ok(linux.length >= 20);
    assert.deepEqual(linux.map((s) => s.line), [...linux.map((s) => s.line)].sort((a, b) => a - b));
  });

  it('accepts %N windows, ?N options, N+D TTLs and every quirk name', () => {
    const quirks = 'df,id+,id-,ecn,0+,seq-,ack+,ack-,uptr+,urgf+,pushf+,ts1-,ts2+,opt+,exws,bad';
    const parsed = loadSignatures(`${HEAD}sig = 4:54+10:4:1400:%8192,*:?30,sack,eol+3:${quirks}:*\n`);
    const sig = parsed.request.all[0];
    assert.ok(sig);
    assert.deepEqual([sig.ttl, sig.ipOptionsLength, sig.windowType, sig.window, sig.windowScale, sig.payloadClass],
      [64, 4, WindowType.MOD, 8192, -1, -1]);
    assert.deepEqual([...sig.layout], [30, K.SACK, K.EOL]);
    assert.equal(sig.eolPadding, 3);
    assert.equal(sig.quirks, (1 << 17) - 1 - Quirk.FLOW);
  });

  it('names the line and the problem for each kind of bad input', () => {
    assert.equal(lineError(`${HEAD}sig = 5:64:0:*:*,*:mss::0\n`), 'test.fp line 4: IP version \'5\' is not 4, 6 or *');
    assert.equal(lineError(`${HEAD}sig = *:300:0:*:*,*:mss::0\n`), 'test.fp line 4: initial TTL 300 is outside 1..255');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:*,*:mss:df:0:extra\n`),
      'test.fp line 4: signature \'*:64:0:*:*,*:mss:df:0:extra\' does not have 8 \':\'-separated fields');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:*,*:mss,foo::0\n`), 'test.fp line 4: unknown TCP option \'foo\'');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:*,*:eol+1,mss::0\n`), 'test.fp line 4: eol+N must be the last option');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:*,*:mss:weird:0\n`), 'test.fp line 4: unknown quirk \'weird\'');
    assert.equal(lineError(`${HEAD}sig = 6:64:0:*:*,*:mss:df:0\n`), 'test.fp line 4: quirk \'df\' is not valid for IPv6');
    assert.equal(lineError(`${HEAD}sig = 4:64:0:*:*,*:mss:flow:0\n`), 'test.fp line 4: quirk \'flow\' is not valid for IPv4');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:mss*0,*:mss::0\n`), 'test.fp line 4: MSS multiplier 0 is outside 1..1000');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:8192:mss::0\n`.replace('8192:', '8192;')),
      'test.fp line 4: signature \'*:64:0:*:8192;mss::0\' does not have 8 \':\'-separated fields');
    assert.equal(lineError(`${HEAD}sig = *:64:0:*:*,*:mss::x\n`), 'test.fp line 4: payload class \'x\'');
    assert.equal(lineError('classes = win\n[tcp:request]\nsig = *:64:0:*:*,*:mss::0\n'),
      'test.fp line 3: misplaced \'sig\' (needs a label first)');
    assert.equal(lineError('classes = win\n[tcp:request]\nlabel = s:mac:X:1\n'),
      'test.fp line 3: label class \'mac\' is not \'!\' nor one of the classes (win)');
    assert.equal(lineError('classes = win\n[tcp:request]\nlabel = s:!:NMap:scan\nsig = *:64:0:*:*,*:mss::0\n'),
      'test.fp line 4: misplaced \'sig\' (needs a label first)');
    assert.equal(lineError('classes = win\n[tcp:sideways]\n'), 'test.fp line 2: unknown section [tcp:sideways]');
    assert.equal(lineError('classes = win\n[tcp:request]\nlabel = x:win:X:1\n'),
      'test.fp line 3: label \'x:win:X:1\' is not type:class:name:flavor with type s or g');
    assert.equal(lineError('classes = win\n[tcp:request]\nbogus line\n'),
      'test.fp line 3: \'bogus line\' is not a section, a comment or name = value');
    assert.equal(lineError('classes = win\n[tcp:request]\nlabel = s:win:X:1\nttl = 5\n'), 'test.fp line 4: unknown field \'ttl\'');
    assert.equal(lineError('; nothing\n'), 'test.fp: no [tcp:request] or [tcp:response] signatures');
  });

  it('loads NETWATCH_ASSET_P0F_DB, and names a missing file', () => {
    assert.equal(loadConfiguredSignatures({ NETWATCH_ASSET_P0F_DB: BUNDLED_P0F_DB }).request.all.length, 91);
    assert.throws(() => loadConfiguredSignatures({ NETWATCH_ASSET_P0F_DB: '/nonexistent/p0f.fp' }),
      (e: unknown) => e instanceof NetwatchError && e.code === 'input_not_found' && /\/nonexistent\/p0f\.fp/.test(e.message));
  });
});
