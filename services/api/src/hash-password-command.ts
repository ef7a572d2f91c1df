// `netwatch hash-password`: reads a password on stdin and prints its argon2id PHC string for NETWATCH_API_PASSWORD_HASH.
import { parseArgs } from 'node:util';

export const hashPasswordHelp = `Usage: netwatch hash-password < password.txt
       printf '%s' 'my passphrase' | netwatch hash-password

Reads a password from standard input (the first line; nothing is echoed back)
and prints its argon2id hash as a PHC string. Put that string in
NETWATCH_API_PASSWORD_HASH (or a file named by NETWATCH_API_PASSWORD_HASH_FILE);
the API stores no password, only this hash.

  -h, --help   show this help

Exit status: 0 printed, 2 no password given or bad arguments.`;

export const MIN_PASSWORD_LENGTH = 8;

export interface CommandIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export async function hashPasswordCommand(
  argv: string[],
  io: CommandIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let help = false;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (positionals.length > 0) throw new Error(`hash-password takes no arguments (the password comes on stdin), got: ${positionals.join(' ')}`);
    help = values.help === true;
  } catch (error) {
    io.stderr.write(`netwatch hash-password: ${(error as Error).message}\n`);
    return 2;
  }
  if (help) {
    io.stdout.write(`${hashPasswordHelp}\n`);
    return 0;
  }
  if (io.stdin.isTTY) io.stderr.write('Password (it will be visible; end with Enter): ');
  const password = await readFirstLine(io.stdin);
  if (password.length < MIN_PASSWORD_LENGTH) {
    io.stderr.write(`netwatch hash-password: the password must be at least ${MIN_PASSWORD_LENGTH} characters\n`);
    return 2;
  }
  // Loaded here, not at the top: importing this module for its help text must not load the native argon2 binding.
  const { hashPassword } = await import('./auth/password.js');
  io.stdout.write(`${await hashPassword(password)}\n`);
  return 0;
}

/** Everything up to the first newline (or the end of input), without a trailing CR. */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n')[0] ?? '';
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
