// MAC vendor lookup: longest registered prefix first, locally administered addresses have none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { macVendor } from './oui-vendor.js';

describe('macVendor', () => {
  it('finds MA-L, MA-M and MA-S registrations, longest first', () => {
    assert.equal(macVendor('3c:22:fb:12:34:56'), 'Apple, Inc.');
    // 00:1B:C5 is the IEEE's own MA-L for MA-S blocks; 00:1B:C5:00:0x:xx is one of them.
    assert.equal(macVendor('00-1B-C5-00-00-01'), 'Converging Systems Inc.');
    assert.equal(macVendor('00:1b:c5:ff:ff:ff') !== 'Converging Systems Inc.', true);
  });

  it('has no vendor for locally administered or malformed addresses', () => {
    assert.equal(macVendor('02:00:00:00:00:01'), undefined);
    assert.equal(macVendor('3c:22:fb'), undefined);
  });
});
