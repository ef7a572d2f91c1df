// Why a lab test cannot run here (not root, or a tool missing), or false when it can.
import { execFileSync } from 'node:child_process';

function installed(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The node:test `skip` option for a test that needs root for `rootFor` and these tools. */
export function labSkip(rootFor: string, tools: readonly string[]): string | false {
  if (process.getuid?.() !== 0) return `needs root: ${rootFor}`;
  const missing = tools.filter((t) => !installed(t));
  return missing.length > 0 ? `needs ${missing.join(', ')}` : false;
}
