// HOME_NET prefixes: parsing, bad values named, and matching on address words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { DEFAULT_HOME_NET, HomeNet, homeNetEnvShape, parseCidr } from './home-net.js';

const v4 = (text: string) => text.split('.').reduce((n, part) => (n * 256 + Number(part)) >>> 0, 0);

describe('HomeNet', () => {
  it('parses IPv4 and IPv6 prefixes and bare addresses, masking host bits', () => {
    assert.deepEqual(parseCidr('10.1.2.3/8'), { version: 4, words: [0x0a000000, 0, 0, 0], bits: 8 });
    assert.deepEqual(parseCidr('192.0.2.7'), { version: 4, words: [0xc0000207, 0, 0, 0], bits: 32 });
    assert.deepEqual(parseCidr('fd12:3456::1/16'), { version: 6, words: [0xfd120000, 0, 0, 0], bits: 16 });
  });

  it('names the bad value', () => {
    assert.throws(() => parseCidr('10.0.0.0/33'), /"10\.0\.0\.0\/33": prefix length must be 0\.\.32/);
    assert.throws(() => parseCidr('lan'), /"lan" is not an IPv4 or IPv6 prefix/);
    assert.throws(() => parseCidr('fd00::/x'), /prefix length must be 0\.\.128/);
  });

  it('matches IPv4 and IPv6 addresses given as words', () => {
    const home = new HomeNet(['192.168.0.0/16', '10.0.0.0/8', 'fd00::/8', '2001:db8:1::/48']);
    assert.equal(home.containsV4(v4('192.168.44.1')), true);
    assert.equal(home.containsV4(v4('10.255.0.1')), true);
    assert.equal(home.containsV4(v4('192.169.0.1')), false);
    assert.equal(home.containsV4(v4('8.8.8.8')), false);
    const words = Uint32Array.of(0, 0xfd00abcd, 0, 0, 1, 0x20010db8, 0x00010000, 0, 0, 0x20010db8, 0x00020000, 0, 0);
    assert.equal(home.containsV6(words, 1), true);
    assert.equal(home.containsV6(words, 5), true);
    assert.equal(home.containsV6(words, 9), false);
    assert.equal(new HomeNet([]).containsV4(v4('10.0.0.1')), false);
    assert.equal(new HomeNet(['0.0.0.0/0']).containsV4(v4('8.8.8.8')), true);
  });

  it('matches addresses as bytes and as text, and names the direction of a conversation', () => {
    const home = new HomeNet(['192.168.0.0/16', 'fd00::/8']);
    const frame = Uint8Array.of(0xff, 192, 168, 7, 9, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    assert.equal(home.containsAt(frame, 1, 4), true);
    assert.equal(home.containsAt(frame, 5, 6), true);
    assert.equal(home.containsAt(frame, 0, 4), false);
    assert.equal(home.direction('192.168.1.2', '8.8.8.8'), 'outbound');
    assert.equal(home.direction('8.8.8.8', 'fd00::1'), 'inbound');
    assert.equal(home.direction('192.168.1.2', 'fd00::1'), 'internal');
    assert.equal(home.direction('2001:db8::1', '8.8.8.8'), 'external');
  });
});

describe('homeNetEnvShape', () => {
  it('defaults to the private ranges and names a bad prefix', () => {
    const shape = z.object(homeNetEnvShape);
    assert.deepEqual(shape.parse({}).NETWATCH_HOME_NET, [...DEFAULT_HOME_NET]);
    const bad = shape.safeParse({ NETWATCH_HOME_NET: '10.0.0.0/8,lan' });
    assert.equal(bad.success, false);
    assert.match(bad.error?.issues[0]?.message ?? '', /"lan" is not an IPv4 or IPv6 prefix/);
  });
});
