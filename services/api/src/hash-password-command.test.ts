// `netwatch hash-password`: stdin to an argon2id PHC string that verifies; help; refusals exit 2.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { verifyPassword } from './auth/password.js';
import { hashPasswordCommand } from './hash-password-command.js';

async function run(argv: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const code = await hashPasswordCommand(argv, { stdin, stdout, stderr });
  return { code, stdout: out, stderr: err };
}

describe('hashPasswordCommand', () => {
  it('prints the PHC string of the first stdin line', async () => {
    const { code, stdout } = await run([], 'correct horse battery\nsecond line ignored\n');
    assert.equal(code, 0);
    const phc = stdout.trim();
    assert.match(phc, /^\$argon2id\$v=19\$/);
    assert.equal(await verifyPassword(phc, 'correct horse battery'), true);
    assert.equal(await verifyPassword(phc, 'correct horse battery\n'), false);
  });

  it('takes input without a newline, and strips a CR', async () => {
    const { stdout } = await run([], 'windows-password\r\n');
    assert.equal(await verifyPassword(stdout.trim(), 'windows-password'), true);
  });

  it('prints help, and exits 2 for a short password or an argument', async () => {
    const help = await run(['--help'], '');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: netwatch hash-password/);
    const short = await run([], 'short\n');
    assert.equal(short.code, 2);
    assert.match(short.stderr, /at least 8 characters/);
    assert.equal(short.stdout, '');
    const arg = await run(['mypassword'], '');
    assert.equal(arg.code, 2);
    assert.match(arg.stderr, /takes no arguments/);
  });
});
