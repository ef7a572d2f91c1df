// Parser tests: every presentation form, compression, EDNS/ECS, and each malformed-input reason by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DnsError, dnsErrorNames, type DnsMessage, parseDnsMessage } from './dns-message.js';
import { ascii, be16, buildMessage, optRecord, pointerName, rdata, wireName } from './testing/dns-builder.js';

function parse(bytes: Uint8Array, options = {}): DnsMessage {
  const result = parseDnsMessage(bytes, 0, bytes.length, options);
  assert.equal(result.error, 0, `unexpected ${dnsErrorNames[result.error]}`);
  assert.ok(result.message);
  return result.message;
}

function errorOf(bytes: Uint8Array): string {
  return dnsErrorNames[parseDnsMessage(bytes, 0, bytes.length).error];
}

const answer = (type: number, data: Uint8Array, name = 'x.lab.test') => ({ name, type, rdata: data });

describe('parseDnsMessage: header and question', () => {
  it('reads a recursive A query', () => {
    const m = parse(buildMessage({ id: 0xbeef, flags: 0x0120, questions: [{ name: 'WWW.Example.com', type: 1 }] }));
    assert.deepEqual(m.header, { id: 0xbeef, flags: 0x0120, qr: false, opcode: 0, aa: false, tc: false, rd: true,
      ra: false, z: false, ad: true, cd: false, rcode: 0, qdcount: 1, ancount: 0, nscount: 0, arcount: 0 });
    assert.deepEqual(m.questions, [{ name: 'WWW.Example.com', type: 1, class: 1 }]);
    assert.equal(m.edns, null);
    assert.equal(m.rcode, 0);
    assert.equal(m.trailingBytes, 0);
  });

  it('reads the message at an offset inside a larger buffer and reports trailing bytes', () => {
    const msg = buildMessage({ flags: 0x8583, questions: [{ name: 'nx.lab.test', type: 28 }] });
    const buf = new Uint8Array(msg.length + 10);
    buf.set(msg, 7);
    const result = parseDnsMessage(buf, 7, msg.length + 2);
    assert.equal(result.error, 0);
    assert.equal(result.message?.header.rcode, 3);
    assert.equal(result.message?.header.aa, true);
    assert.equal(result.message?.trailingBytes, 2);
  });

  it('escapes dots, backslashes and unprintable bytes inside labels (RFC 1035 §5.1)', () => {
    const name = rdata.cat([Uint8Array.of(4), ascii('a.b\\'), Uint8Array.of(2, 0x20, 0xff), Uint8Array.of(0)]);
    const m = parse(buildMessage({ questions: [{ name, type: 16 }] }));
    assert.equal(m.questions[0]?.name, 'a\\.b\\\\.\\032\\255');
  });

  it('names the root "."', () => {
    assert.equal(parse(buildMessage({ questions: [{ name: '.', type: 2 }] })).questions[0]?.name, '.');
  });
});

describe('parseDnsMessage: RDATA presentation', () => {
  const cases: [string, number, Uint8Array, string][] = [
    ['A', 1, rdata.a('10.77.0.2'), '10.77.0.2'],
    ['AAAA', 28, rdata.aaaa('fd77:6e77::2'), 'fd77:6e77::2'],
    ['CNAME', 5, rdata.name('target.lab.test'), 'target.lab.test'],
    ['NS', 2, rdata.name('ns1.lab.test'), 'ns1.lab.test'],
    ['PTR', 12, rdata.name('host.lab.test'), 'host.lab.test'],
    ['MX', 15, rdata.mx(10, 'mail.lab.test'), '10 mail.lab.test'],
    ['TXT', 16, rdata.txt('v=spf1 -all', 'say "hi"\\'), '"v=spf1 -all" "say \\"hi\\"\\\\"'],
    ['SRV', 33, rdata.srv(0, 5, 5060, 'sip.lab.test'), '0 5 5060 sip.lab.test'],
    ['SOA', 6, rdata.soa('ns1.lab.test', 'hostmaster.lab.test', 2024010101, 7200, 3600, 1209600, 300),
      'ns1.lab.test hostmaster.lab.test 2024010101 7200 3600 1209600 300'],
    ['CAA', 257, rdata.caa(128, 'issue', 'letsencrypt.org'), '128 issue "letsencrypt.org"'],
    ['HINFO', 13, rdata.txt('x86', 'Linux'), '"x86" "Linux"'],
    ['DS', 43, rdata.raw(0x30, 0x39, 13, 2, 0xab, 0xcd), '12345 13 2 ABCD'],
    ['DNSKEY', 48, rdata.raw(1, 1, 3, 13, 1, 2, 3), '257 3 13 AQID'],
    ['RRSIG', 46, rdata.cat([be16(1), rdata.raw(13, 3), rdata.raw(0, 0, 0x0e, 0x10), rdata.raw(0x67, 0x9a, 0xd4, 0x80),
      rdata.raw(0x67, 0x87, 0x5f, 0x80), be16(4242), wireName('lab.test'), rdata.raw(0xde, 0xad)]),
    'A 13 3 3600 20250130012312 20250115071056 4242 lab.test 3q0='],
    ['unknown type (RFC 3597)', 65280, rdata.raw(0xde, 0xad, 0xbe, 0xef), '\\# 4 DEADBEEF'],
    ['empty unknown type', 65281, rdata.raw(), '\\# 0'],
    ['HTTPS alias mode', 65, rdata.svcb(0, 'pool.lab.test', []), '0 pool.lab.test'],
    ['HTTPS service mode', 65, rdata.svcb(1, '.', [
      [0, rdata.cat([be16(1), be16(3)])],
      [1, rdata.cat([Uint8Array.of(2), ascii('h2'), Uint8Array.of(2), ascii('h3')])],
      [2, rdata.raw()],
      [3, be16(8443)],
      [4, rdata.cat([rdata.a('10.77.0.2'), rdata.a('10.77.0.3')])],
      [5, rdata.raw(1, 2, 3, 4)],
      [6, rdata.aaaa('fd77:6e77::2')],
      [65000, ascii('v')],
    ]), '1 . mandatory=alpn,port alpn=h2,h3 no-default-alpn port=8443 ipv4hint=10.77.0.2,10.77.0.3 ech=AQIDBA== ' +
    'ipv6hint=fd77:6e77::2 key65000="v"'],
    ['SVCB', 64, rdata.svcb(16, 'svc.lab.test', [[3, be16(53)]]), '16 svc.lab.test port=53'],
  ];
  for (const [label, type, data, text] of cases) {
    it(label, () => {
      const m = parse(buildMessage({ flags: 0x8180, questions: [{ name: 'x.lab.test', type }], answers: [answer(type,
        data)] }));
      assert.equal(m.answers.length, 1);
      assert.deepEqual({ ...m.answers[0], rdataOffset: 0 }, { name: 'x.lab.test', type, class: 1, ttl: 300,
        rdataOffset: 0, rdataLength: data.length, data: text });
    });
  }

  it('follows compression pointers in owner names and RDATA (RFC 1035 §4.1.4)', () => {
    // Question name at offset 12; answers point back to it and into it.
    const m = parse(buildMessage({ flags: 0x8180, questions: [{ name: 'www.lab.test', type: 5 }], answers: [
      { name: pointerName('', 12), type: 5, rdata: pointerName('edge', 16) },
      { name: pointerName('edge', 16), type: 1, rdata: rdata.a('10.77.0.9') },
    ] }));
    assert.deepEqual(m.answers.map((a) => [a.name, a.data]), [['www.lab.test', 'edge.lab.test'],
      ['edge.lab.test', '10.77.0.9']]);
  });

  it('in generic mode gives every RDATA as \\# hex, with its location', () => {
    const bytes = buildMessage({ flags: 0x8400, answers: [answer(33, rdata.raw(1, 2, 3))] });
    const m = parse(bytes, { rdata: 'generic' });
    assert.equal(m.answers[0]?.data, '\\# 3 010203');
    assert.deepEqual(bytes.subarray(m.answers[0]?.rdataOffset, (m.answers[0]?.rdataOffset ?? 0) + 3),
      Uint8Array.of(1, 2, 3));
  });
});

describe('parseDnsMessage: EDNS(0)', () => {
  it('reads UDP size, version, DO and the extended RCODE (RFC 6891 §6.1.3)', () => {
    const m = parse(buildMessage({ flags: 0x8100, questions: [{ name: 'x.lab.test', type: 1 }],
      additionals: [optRecord(1232, 1, 0, true)] }));
    assert.equal(m.rcode, 16); // BADVERS: extended 1 << 4 | 0
    assert.deepEqual(m.edns, { udpPayloadSize: 1232, extendedRcode: 1, version: 0, dnssecOk: true, flags: 0x8000,
      options: [] });
    assert.deepEqual(m.additionals, []);
  });

  it('reads Client Subnet (RFC 7871 §6) and keeps other options as hex', () => {
    const ecs = rdata.cat([be16(1), Uint8Array.of(24, 0), rdata.raw(192, 0, 2)]);
    const m = parse(buildMessage({ questions: [{ name: 'x.lab.test', type: 1 }],
      additionals: [optRecord(4096, 0, 0, false, [[8, ecs], [10, rdata.raw(1, 2, 3, 4, 5, 6, 7, 8)]])] }));
    assert.equal(m.edns?.clientSubnet, '192.0.2.0/24/0');
    assert.deepEqual(m.edns?.options.map((o) => [o.code, o.length, o.text]), [[8, 7, '192.0.2.0/24/0'],
      [10, 8, '0102030405060708']]);
  });

  it('rejects a Client Subnet whose address is longer than its prefix', () => {
    const ecs = rdata.cat([be16(1), Uint8Array.of(16, 0), rdata.raw(192, 0, 2)]);
    assert.equal(errorOf(buildMessage({ additionals: [optRecord(512, 0, 0, false, [[8, ecs]])] })),
      'dns_rdata_malformed');
  });

  it('rejects two OPT records, an OPT outside the additional section, and an OPT not owned by the root', () => {
    assert.equal(errorOf(buildMessage({ additionals: [optRecord(512), optRecord(512)] })), 'dns_bad_opt');
    assert.equal(errorOf(buildMessage({ answers: [optRecord(512)] })), 'dns_bad_opt');
    assert.equal(errorOf(buildMessage({ additionals: [{ ...optRecord(512), name: 'x' }] })), 'dns_bad_opt');
  });
});

describe('parseDnsMessage: malformed input is a named error, never a throw', () => {
  const q = { name: 'x.lab.test', type: 1 };

  it('header shorter than 12 bytes', () => {
    assert.equal(errorOf(rdata.raw(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), 'dns_header_truncated');
    assert.equal(errorOf(new Uint8Array(0)), 'dns_header_truncated');
  });

  it('a pointer to itself, and a two-pointer loop', () => {
    // Question at 12: a pointer to 12 (itself).
    assert.equal(errorOf(buildMessage({ questions: [{ name: pointerName('', 12), type: 1 }] })), 'dns_pointer_forward');
    // Label "a" at 12, then a pointer back to 12: the run starting at 12 points into itself.
    assert.equal(errorOf(buildMessage({ questions: [{ name: pointerName('a', 12), type: 1 }] })), 'dns_pointer_loop');
    // Two names pointing at each other: one of the two pointers is necessarily forward, and is named so.
    const bytes = buildMessage({ questions: [{ name: pointerName('a', 20), type: 1 }, { name: pointerName('b', 12),
      type: 1 }] });
    assert.equal(errorOf(bytes), 'dns_pointer_forward');
  });

  it('forward and out-of-range pointers', () => {
    assert.equal(errorOf(buildMessage({ questions: [{ name: pointerName('', 40), type: 1 }] })),
      'dns_pointer_out_of_range');
    assert.equal(errorOf(buildMessage({ questions: [{ name: pointerName('', 3), type: 1 }] })),
      'dns_pointer_out_of_range');
    const forward = buildMessage({ questions: [{ name: pointerName('', 18), type: 1 }, q] });
    assert.equal(errorOf(forward), 'dns_pointer_forward');
  });

  it('labels of the reserved types 01 and 10', () => {
    assert.equal(errorOf(buildMessage({ questions: [{ name: rdata.raw(0x41, 0), type: 1 }] })), 'dns_bad_label_type');
  });

  it('names longer than 255 octets (each label at most 63)', () => {
    const label = 'a'.repeat(63);
    assert.equal(parse(buildMessage({ questions: [{ name: [label, label, label, 'a'.repeat(61)].join('.'),
      type: 1 }] })).questions[0]?.name.length, 253);
    assert.equal(errorOf(buildMessage({ questions: [{ name: [label, label, label, 'a'.repeat(62)].join('.'),
      type: 1 }] })), 'dns_name_too_long');
  });

  it('lying section counts', () => {
    assert.equal(errorOf(buildMessage({ questions: [q], counts: [1, 5, 0, 0] })), 'dns_count_mismatch');
    assert.equal(errorOf(buildMessage({ questions: [q], counts: [0xffff, 0xffff, 0xffff, 0xffff] })),
      'dns_count_mismatch');
    // The counts fit the byte budget but the bytes end mid-record.
    const bytes = buildMessage({ flags: 0x8180, questions: [q], answers: [answer(1, rdata.a('1.2.3.4'))],
      counts: [1, 2, 0, 0] });
    assert.equal(errorOf(rdata.cat([bytes, new Uint8Array(11).fill(63)])), 'dns_name_truncated');
  });

  it('records cut short and RDLENGTH past the end', () => {
    const full = buildMessage({ flags: 0x8180, questions: [q], answers: [answer(1, rdata.a('1.2.3.4'))] });
    const recordStart = 12 + 12 + 4;
    const nameEnd = recordStart + 12;
    assert.equal(errorOf(full.subarray(0, nameEnd + 5)), 'dns_record_truncated');
    assert.equal(errorOf(full.subarray(0, full.length - 1)), 'dns_rdata_overflow');
    assert.equal(errorOf(full.subarray(0, recordStart + 3)), 'dns_name_truncated');
  });

  it('RDATA inconsistent with its type', () => {
    const bad: [number, Uint8Array][] = [
      [1, rdata.raw(1, 2, 3, 4, 5)], [28, rdata.raw(1, 2, 3, 4)], [15, rdata.raw(0, 10)],
      [5, rdata.cat([wireName('a.b'), rdata.raw(0)])], [16, rdata.raw(5, 0x61)], [16, rdata.raw()],
      [257, rdata.raw(0, 0)], [13, rdata.txt('one')],
      [65, rdata.svcb(1, '.', [[3, be16(1)], [1, rdata.raw(2, 0x68, 0x32)]])], // keys out of order
      [65, rdata.svcb(1, '.', [[3, rdata.raw(1)]])], // port of 1 byte
      [65, rdata.svcb(1, '.', [[2, rdata.raw(1)]])], // no-default-alpn with a value
      [65, rdata.svcb(1, '.', [[4, rdata.raw(1, 2, 3)]])],
    ];
    for (const [type, data] of bad) {
      assert.equal(errorOf(buildMessage({ flags: 0x8180, answers: [answer(type, data)] })), 'dns_rdata_malformed',
        `type ${type}`);
    }
  });

  it('reports where the error is', () => {
    const result = parseDnsMessage(buildMessage({ questions: [{ name: pointerName('', 40), type: 1 }] }), 0, 18);
    assert.equal(result.error, DnsError.POINTER_OUT_OF_RANGE);
    assert.equal(result.errorOffset, 12);
  });
});
