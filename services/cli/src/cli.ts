// Parses the command line, runs one command, and maps every failure to a message and an exit status.
import { readFileSync } from 'node:fs';
import { describeError, exitCodeFor, NetwatchError } from '@netwatch/kit';
import { healthcheckCommand, healthcheckHelp } from './commands/healthcheck.js';
import { replayCommand, replayHelp } from './commands/replay.js';
import { serviceCommand } from './commands/service.js';
import { startCommand, startHelp } from './commands/start.js';
import { hashPasswordHelp } from '@netwatch/api/hash-password-command';

export const mainHelp = `netwatch — network security monitoring for one sensor box

Usage: netwatch COMMAND [options]

Commands:
  start [--pcap FILE]          everything in one process: the globe UI and API on :8080
  replay FILE [--jsonl]        the whole pipeline over a capture, as fast as it can;
                               --jsonl prints every published message as JSON lines
  service NAME                 one service, configured from the environment (compose)
  hash-password                read a password on stdin, print its argon2id hash for
                               NETWATCH_API_PASSWORD_HASH
  healthcheck                  exit 0 if this container's service is ready (Docker)
  help [COMMAND]               this text, or a command's

Options:
  -h, --help                   help (also after a command)
  -v, --version                version

Exit status: 0 ok, 1 runtime failure, 2 bad usage or configuration.
Docs: README.md and docs/ in the repository.`;

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: () => string }> = {
  start: { run: startCommand, help: () => startHelp },
  'hash-password': {
    run: async (argv) => (await import('@netwatch/api')).hashPasswordCommand(argv),
    help: () => hashPasswordHelp,
  },
  healthcheck: { run: (argv) => healthcheckCommand(argv), help: () => healthcheckHelp },
  replay: { run: replayCommand, help: () => replayHelp },
  service: {
    run: serviceCommand,
    help: () => 'Usage: netwatch service NAME (netwatch service --help lists them)',
  },
};

function version(): string {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help') {
      process.stdout.write(`${mainHelp}\n`);
      return first === undefined ? 2 : 0;
    }
    if (first === '-v' || first === '--version') {
      process.stdout.write(`netwatch ${version()}\n`);
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0];
      const command = topic === undefined ? undefined : commands[topic];
      process.stdout.write(`${command ? command.help() : mainHelp}\n`);
      return topic === undefined || command ? 0 : 2;
    }
    const command = commands[first];
    if (command === undefined) {
      throw new NetwatchError('usage', `unknown command "${first}"`);
    }
    return await command.run(rest);
  } catch (error) {
    const code = isUsageProblem(error) ? 2 : exitCodeFor(error);
    process.stderr.write(
      `netwatch${first && commands[first] ? ` ${first}` : ''}: ${describeError(error)}\n`,
    );
    if (code === 2 && isUsageProblem(error))
      process.stderr.write('Run `netwatch --help` for usage.\n');
    return code;
  }
}

/** parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isUsageProblem(error: unknown): boolean {
  if (error instanceof NetwatchError) return error.code === 'usage';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
