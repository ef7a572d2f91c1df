// Which kind of answer an .mmdb file gives and how its records are laid out, from its metadata's database_type.

/** `city`: location (City and Country databases); `asn`: the announcing autonomous system. */
export type MmdbKind = 'city' | 'asn';

/**
 * `nested`: the GeoIP2 layout (`city.names.en`, `country.iso_code`, `location.latitude`, …) that
 * MaxMind's GeoLite2/GeoIP2 and DB-IP's own downloads use. `flat`: the ip-location-db layout
 * (`country_code`, `state1`, `city`, `latitude`, `longitude`). ASN records are alike in both:
 * `autonomous_system_number` and `autonomous_system_organization`.
 */
export type MmdbLayout = 'nested' | 'flat';

export interface MmdbFormat {
  readonly kind: MmdbKind;
  readonly layout: MmdbLayout;
}

// Vendors writing GeoIP2-compatible databases name them `Vendor-Product[-Edition]`, e.g.
// GeoLite2-City, GeoIP2-Country, GeoIP2-ISP, DBIP-City-Lite, DBIP-ASN-Lite (compat=GeoLite2-ASN).
const nestedVendor = /^(?:GeoIP2|GeoLite2|DBIP|GeoIP)-/i;
const nestedAsn = /-(?:ASN|ISP)\b/i;
const nestedCity = /-(?:City|Country|Location|Enterprise)\b/i;
// ip-location-db (sapics) writes `city ipv4`, `country ipv6`, `asn ipv4` …
const flatCity = /^(?:city|country)(?: ipv[46])?$/i;
const flatAsn = /^asn(?: ipv[46])?$/i;

/** The format of a database from its metadata `database_type`, or undefined when netwatch cannot read it. */
export function mmdbFormatOf(databaseType: string): MmdbFormat | undefined {
  const type = databaseType.trim();
  if (nestedVendor.test(type)) {
    if (nestedCity.test(type)) return { kind: 'city', layout: 'nested' };
    if (nestedAsn.test(type)) return { kind: 'asn', layout: 'nested' };
    return undefined;
  }
  if (flatCity.test(type)) return { kind: 'city', layout: 'flat' };
  if (flatAsn.test(type)) return { kind: 'asn', layout: 'flat' };
  return undefined;
}
