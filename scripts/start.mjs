// `npm start`: installs and builds on first use, then runs `netwatch start` with any arguments given after `--`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function step(what, command, args) {
  process.stderr.write(`netwatch: ${what}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`netwatch: ${what} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}

if (!existsSync(join(root, 'node_modules', 'typescript')))
  step('installing dependencies (npm ci)', npm, ['ci']);
// tsc -b is incremental: a no-op in about a second when nothing changed.
step('building', npm, ['run', '--silent', 'build']);
const run = spawnSync(
  process.execPath,
  [join(root, 'services/cli/bin/netwatch.js'), 'start', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
