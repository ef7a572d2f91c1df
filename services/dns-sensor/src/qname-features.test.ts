// Name features and Public Suffix List splits, with values worked out by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domainParts, qnameFeatures } from './qname-features.js';

describe('qnameFeatures', () => {
  it('measures www.example.com', () => {
    // 15 characters: w×3 .×2 e×2 m×2 x a p l c o ×1 → H = 3.1899 bits per character.
    assert.deepEqual(qnameFeatures('www.example.com'), { qname_length: 15, label_count: 3, longest_label: 7,
      entropy: 3.1899, digit_ratio: 0 });
  });

  it('counts digits among the non-dot characters', () => {
    assert.deepEqual(qnameFeatures('a1b2.c3'), { qname_length: 7, label_count: 2, longest_label: 4,
      entropy: 2.8074, digit_ratio: 0.5 });
  });

  it('gives the root zeros', () => {
    assert.deepEqual(qnameFeatures('.'), { qname_length: 0, label_count: 0, longest_label: 0, entropy: 0,
      digit_ratio: 0 });
  });
});

describe('domainParts', () => {
  it('splits by the Public Suffix List', () => {
    assert.deepEqual(domainParts('foo.bar.co.uk'), { registered_domain: 'bar.co.uk', subdomain: 'foo',
      top_level_domain: 'co.uk' });
    assert.deepEqual(domainParts('www.example.com'), { registered_domain: 'example.com', subdomain: 'www',
      top_level_domain: 'com' });
  });

  it('keeps underscores and treats an unlisted TLD as its own suffix', () => {
    assert.deepEqual(domainParts('_sip._udp.lab.test'), { registered_domain: 'lab.test', subdomain: '_sip._udp',
      top_level_domain: 'test' });
  });

  it('has no registered domain for a bare suffix or the root', () => {
    assert.deepEqual(domainParts('com'), { top_level_domain: 'com' });
    assert.deepEqual(domainParts('.'), {});
  });
});
