// Compiles native/pcap_live.c into native/build/pcap_live.node with the system C compiler: no node-gyp, no downloads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const source = join(packageDir, 'native', 'pcap_live.c');
const outDir = join(packageDir, 'native', 'build');
const output = join(outDir, 'pcap_live.node');
const self = fileURLToPath(import.meta.url);
const cc = process.env.CC || 'cc';
// -Werror: the addon is small enough to keep warning-free; a warning here is a bug to fix, not to ship.
const flags = ['-O2', '-fPIC', '-shared', '-Wall', '-Wextra', '-Werror', '-std=gnu11'];

function fail(message) {
  process.stderr.write(`build-native: ${message}\n`);
  process.exit(1);
}

/**
 * Where node_api.h and uv.h are: next to the running node (the official node image and
 * tarballs: <prefix>/include/node), then npm's nodedir, then the distribution's nodejs package.
 */
function findNodeHeaders() {
  const candidates = [
    join(dirname(process.execPath), '..', 'include', 'node'),
    process.env.npm_config_nodedir ? join(process.env.npm_config_nodedir, 'include', 'node') : undefined,
    '/usr/include/node',
    '/usr/local/include/node',
  ].filter((dir) => dir !== undefined);
  const found = candidates.find((dir) => existsSync(join(dir, 'node_api.h')) && existsSync(join(dir, 'uv.h')));
  if (found === undefined) {
    fail(
      `node_api.h and uv.h not found in ${candidates.join(', ')}.\n` +
      'Install the Node.js headers (Debian: apt-get install libnode-dev; or use an official Node.js build, ' +
      'which ships them in <prefix>/include/node), or set npm_config_nodedir to a Node.js source or headers tree.',
    );
  }
  return found;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function upToDate() {
  const built = mtime(output);
  return built !== undefined && built >= (mtime(source) ?? Infinity) && built >= (mtime(self) ?? Infinity);
}

function main() {
  if (process.platform !== 'linux') fail(`live capture is built for Linux only (this is ${process.platform})`);
  if (upToDate()) {
    process.stdout.write('build-native: native/build/pcap_live.node is up to date\n');
    return;
  }
  const headers = findNodeHeaders();
  mkdirSync(outDir, { recursive: true });
  // Write beside the target and rename, so a failed or interrupted build never leaves a half-written addon.
  const partial = `${output}.${process.pid}.tmp`;
  const args = [...flags, `-I${headers}`, '-o', partial, source, '-lpcap'];
  const result = spawnSync(cc, args, { encoding: 'utf8' });
  if (result.error !== undefined) {
    const code = /** @type {NodeJS.ErrnoException} */ (result.error).code;
    if (code === 'ENOENT') fail(`no C compiler "${cc}": apt-get install build-essential (or set CC)`);
    fail(`cannot run ${cc}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    const out = `${result.stdout}${result.stderr}`;
    if (/pcap\/pcap\.h: No such file|cannot find -lpcap/.test(out)) {
      fail(`libpcap headers or library not found: apt-get install libpcap-dev\n${out}`);
    }
    fail(`${cc} ${args.join(' ')} failed:\n${out}`);
  }
  renameSync(partial, output);
  process.stdout.write(`build-native: built native/build/pcap_live.node (${cc}, headers ${headers})\n`);
}

main();
