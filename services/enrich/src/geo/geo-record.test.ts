// GeoIP records to ECS geo/as: both layouts, missing and bad fields, names from codes, frozen results.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geo as geoSchema, strictParse } from '@netwatch/schemas';
import { frankfurt } from '../testing/test-databases.js';
import { asFromRecord, geoFromFlat, geoFromNested } from './geo-record.js';

describe('geo records', () => {
  it('maps a GeoIP2 City record, preferring its own names', () => {
    const geo = geoFromNested(frankfurt);
    assert.deepEqual(geo, {
      city_name: 'Frankfurt am Main',
      country_iso_code: 'DE',
      country_name: 'Germany',
      continent_name: 'Europe',
      region_name: 'Hesse',
      location: { lat: 50.1109, lon: 8.6821 },
    });
    strictParse(geoSchema, geo);
    assert.ok(Object.isFrozen(geo) && Object.isFrozen(geo?.location));
  });

  it('falls back to the registered country, and derives names the record lacks', () => {
    const geo = geoFromNested({ registered_country: { iso_code: 'au' }, location: { latitude: -33.49, longitude: 143.21 } });
    assert.deepEqual(geo, { country_iso_code: 'AU', country_name: 'Australia', continent_name: 'Oceania',
      location: { lat: -33.49, lon: 143.21 } });
  });

  it('maps a flat DB-IP record, rounding float32 noise and skipping empty strings', () => {
    const geo = geoFromFlat({ city: 'Sydney', country_code: 'AU', latitude: -33.86880111694336,
      longitude: 151.20899963378906, postcode: '', state1: 'New South Wales', state2: '', timezone: '' });
    assert.deepEqual(geo, { city_name: 'Sydney', country_iso_code: 'AU', country_name: 'Australia',
      continent_name: 'Oceania', region_name: 'New South Wales', location: { lat: -33.8688, lon: 151.209 } });
    strictParse(geoSchema, geo);
  });

  it('drops what the contract would refuse: bad codes, coordinates out of range, empty records', () => {
    assert.equal(geoFromFlat({ country_code: 'ZZ', latitude: 91, longitude: 0 }), undefined);
    assert.deepEqual(geoFromFlat({ country_code: 'GBR', city: 'London', latitude: 'x', longitude: 1 }), { city_name: 'London' });
    assert.equal(geoFromNested({ location: { latitude: 10, longitude: 200 } }), undefined);
    assert.equal(geoFromNested(null), undefined);
    assert.equal(geoFromFlat([]), undefined);
    assert.equal(geoFromNested({ city: { names: { de: 'Köln' } } }), undefined);
  });

  it('maps ASN records, and refuses ones without a number', () => {
    assert.deepEqual(asFromRecord({ autonomous_system_number: 64500, autonomous_system_organization: 'Example' }),
      { number: 64500, organization: { name: 'Example' } });
    assert.deepEqual(asFromRecord({ autonomous_system_number: 64501 }), { number: 64501, organization: { name: '' } });
    assert.equal(asFromRecord({ autonomous_system_organization: 'x' }), undefined);
    assert.equal(asFromRecord({ autonomous_system_number: -1 }), undefined);
    assert.equal(asFromRecord(undefined), undefined);
  });
});
