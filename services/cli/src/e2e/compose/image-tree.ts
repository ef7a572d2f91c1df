// The application tree as the Dockerfile leaves it: this checkout, built, with the dev dependencies pruned away.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies the built checkout to `dir/app` (without .git, caches and local data) and runs the same
 * `npm prune --omit=dev` as the image's build stage, offline: a service that imports a package
 * only declared as a dev dependency then fails here as it would in the container.
 */
export function makeImageTree(root: string, dir: string): string {
  const app = join(dir, 'app');
  mkdirSync(app);
  execFileSync('bash', ['-c', 'tar -C "$1" --exclude=./.git --exclude=./.cache --exclude=./var -cf - . | tar -C "$2" -xf -',
    'copy', root, app], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  execFileSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: app,
    stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  return app;
}
