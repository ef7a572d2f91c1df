// Shared pieces of the example events: one sensor box on a home/office /24 (RFC 5737 remote hosts).
export const observer = {
  hostname: 'nw-sensor-01',
  type: 'sensor',
  vendor: 'netwatch',
  product: 'netwatch',
  ingress: { interface: { name: 'eth1' } },
};

/** The internal host most examples are about. */
export const laptopIp = '192.168.10.23';
/** A remote web server (TEST-NET-3, RFC 5737). */
export const webServerIp = '203.0.113.10';
/** A remote scanner (TEST-NET-2, RFC 5737). */
export const scannerIp = '198.51.100.77';

/** What enrich adds for the web server (documentation ASN, RFC 5398). */
export const webServerGeo = {
  geo: {
    city_name: 'Frankfurt am Main',
    continent_name: 'Europe',
    country_iso_code: 'DE',
    country_name: 'Germany',
    region_name: 'Hesse',
    location: { lat: 50.1109, lon: 8.6821 },
  },
  as: { number: 64500, organization: { name: 'Example Hosting GmbH' } },
};

/** What enrich adds for the scanner. */
export const scannerGeo = {
  geo: {
    city_name: 'Amsterdam',
    continent_name: 'Europe',
    country_iso_code: 'NL',
    country_name: 'Netherlands',
    location: { lat: 52.3676, lon: 4.9041 },
  },
  as: { number: 64501, organization: { name: 'Example Transit B.V.' } },
};
