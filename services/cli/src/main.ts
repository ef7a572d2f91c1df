// Entry point of the netwatch binary.
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
