// Country and continent names for an ISO 3166-1 alpha-2 code, for databases that carry only the code (DB-IP Lite).

/**
 * Continent of each ISO 3166-1 alpha-2 code, with the seven continents and the assignments
 * GeoNames' countryInfo uses (the source MaxMind's continent fields follow, so both database
 * layouts name continents alike). Kosovo's user-assigned XK is included as GeoNames does.
 */
const continentCountries: Readonly<Record<string, string>> = {
  Africa: 'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU ' +
    'MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  Antarctica: 'AQ BV GS HM TF',
  Asia: 'AE AF AM AZ BD BH BN BT CC CN CX GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV ' +
    'MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  Europe: 'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV ' +
    'MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  'North America': 'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA ' +
    'PM PR SV SX TC TT US VC VG VI',
  Oceania: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
  'South America': 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
};

const continentByCountry = new Map<string, string>();
for (const [continent, codes] of Object.entries(continentCountries)) {
  for (const code of codes.split(' ')) continentByCountry.set(code, continent);
}

/** Every ISO 3166-1 alpha-2 code (plus XK) the table knows; other codes are not treated as countries. */
export const knownCountryCodes: readonly string[] = [...continentByCountry.keys()];

/** Whether `code` is an ISO 3166-1 alpha-2 country code (or XK). */
export function isCountryCode(code: string): boolean {
  return continentByCountry.has(code);
}

/** The continent (English, as in GeoIP2's `continent.names.en`) of a country code, or undefined. */
export function continentOf(countryCode: string): string | undefined {
  return continentByCountry.get(countryCode);
}

// CLDR English region names through ICU (Node ships full ICU), so no name table is kept here.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const nameByCountry = new Map<string, string | undefined>();

/**
 * The English country name (CLDR) of an ISO 3166-1 alpha-2 code, or undefined for a code outside
 * ISO 3166-1 (CLDR also names `EU`, `ZZ` "Unknown Region" and such, which are not countries).
 */
export function countryNameOf(countryCode: string): string | undefined {
  if (!continentByCountry.has(countryCode)) return undefined;
  let name = nameByCountry.get(countryCode);
  if (name === undefined && !nameByCountry.has(countryCode)) {
    name = regionNames.of(countryCode);
    nameByCountry.set(countryCode, name);
  }
  return name;
}
