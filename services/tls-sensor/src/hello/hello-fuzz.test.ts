// Fuzz: a million mutated hellos, record streams and certificate chains through the parsers: no throw, all counted.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { HelloFuzzReport } from '../testing/hello-fuzz-driver.js';

const driver = fileURLToPath(new URL('../testing/hello-fuzz-driver.js', import.meta.url));

describe('TLS parser fuzz', () => {
  it('takes 1,000,000 mutated inputs without a throw, each one parsed or counted as malformed', (t) => {
    const report = JSON.parse(execFileSync(process.execPath, [driver, '1000000'], { encoding: 'utf8' })) as HelloFuzzReport;
    const { clientHellos: c, serverHellos: s, stats } = report;
    assert.equal(c.parsed + c.malformed + s.parsed + s.malformed + report.connections, report.inputs);
    // The mutations must reach both outcomes of every parser, or the fuzz proves little.
    for (const [name, n] of Object.entries({ cParsed: c.parsed, cMalformed: c.malformed, sParsed: s.parsed,
      sMalformed: s.malformed, recordType: stats.malformed.record_type, recordLength: stats.malformed.record_length,
      extensionLength: stats.malformed.extension_length, extensionBody: stats.malformed.extension_body,
      certificate: stats.malformed.certificate })) {
      assert.ok(n > 100, `${name}: only ${String(n)}`);
    }
    t.diagnostic(`${String(report.inputs)} inputs in ${report.ms.toFixed(0)} ms; client hellos ${JSON.stringify(c)}, ` +
      `server hellos ${JSON.stringify(s)}, connections ${String(report.connections)}, malformed ` +
      JSON.stringify(stats.malformed));
  });
});
