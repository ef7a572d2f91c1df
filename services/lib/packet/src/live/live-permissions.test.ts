// Without CAP_NET_RAW/CAP_NET_ADMIN, opening a capture is a permission_denied error that says what to grant.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { openLiveCapture } from './live-capture.js';

const indexUrl = new URL('../index.js', import.meta.url).href;

/** Try to open `lo` in a child process with every capability dropped from its bounding set (setpriv(1)). */
function openWithoutCapabilities(): { code: string; message: string } {
  const script = `
    const { openLiveCapture } = await import(${JSON.stringify(indexUrl)});
    try { openLiveCapture({ interface: 'lo' }).close(); console.log(JSON.stringify({ code: 'opened', message: '' })); }
    catch (err) { console.log(JSON.stringify({ code: err.code, message: err.message })); }`;
  // For uid 0, exec grants the bounding set; an empty one leaves root without CAP_NET_RAW (capabilities(7)).
  const out = execFileSync('setpriv', ['--bounding-set=-all', process.execPath, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { code: string; message: string };
}

describe('live capture permissions', () => {
  it('names the capabilities it needs when they are missing', () => {
    let result: { code: string; message: string };
    if (process.getuid?.() === 0) {
      result = openWithoutCapabilities();
    } else {
      try {
        openLiveCapture({ interface: 'lo' }).close();
        result = { code: 'opened', message: '' };
      } catch (err) {
        result = { code: (err as { code: string }).code, message: (err as Error).message };
      }
    }
    assert.equal(result.code, 'permission_denied', result.message);
    assert.match(result.message, /^lo: permission denied/);
    assert.match(result.message, /CAP_NET_RAW and CAP_NET_ADMIN/);
    assert.match(result.message, /root/);
  });
});
