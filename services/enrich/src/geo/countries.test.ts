// Country names (CLDR via ICU) and continents for ISO 3166-1 codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continentOf, countryNameOf, isCountryCode, knownCountryCodes } from './countries.js';

// ISO 3166-1 alpha-2, officially assigned codes (249).
const ISO_3166_1 = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS ' +
  'BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
  'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM ' +
  'MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT ' +
  'PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
  'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

describe('countries', () => {
  it('gives every ISO 3166-1 country (and XK) exactly one continent', () => {
    assert.equal(ISO_3166_1.length, 249);
    assert.deepEqual([...knownCountryCodes].sort(), [...ISO_3166_1, 'XK'].sort());
  });

  it('names countries and continents in English', () => {
    assert.equal(countryNameOf('DE'), 'Germany');
    assert.equal(countryNameOf('JP'), 'Japan');
    assert.equal(continentOf('DE'), 'Europe');
    assert.equal(continentOf('AU'), 'Oceania');
    assert.equal(continentOf('BR'), 'South America');
    assert.equal(continentOf('US'), 'North America');
    assert.equal(continentOf('EG'), 'Africa');
    assert.equal(continentOf('AQ'), 'Antarctica');
    for (const code of ISO_3166_1) assert.ok(countryNameOf(code), `no name for ${code}`);
  });

  it('treats codes outside ISO 3166-1 as no country', () => {
    for (const code of ['ZZ', 'EU', 'AP', 'A1', 'de', '']) {
      assert.equal(isCountryCode(code), false, code);
      assert.equal(countryNameOf(code), undefined, code);
      assert.equal(continentOf(code), undefined, code);
    }
  });
});
