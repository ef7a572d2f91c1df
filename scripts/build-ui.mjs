// Builds the UI (ui/dist) with Vite unless it is newer than every UI source: `npm start` stays quick.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ui = join(root, 'ui');

/** Newest modification time under `path` (a file or a folder, walked). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json']
  .reduce((latest, name) => Math.max(latest, newest(join(ui, name))), 0);
const built = join(ui, 'dist', 'index.html');
if (existsSync(built) && statSync(built).mtimeMs >= sources && !process.argv.includes('--force')) {
  process.exit(0);
}
process.stderr.write('netwatch: building the UI (vite)…\n');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', '--silent', 'build', '-w', '@netwatch/ui'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
