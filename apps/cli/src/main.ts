import { CommanderError } from 'commander';
import { createProgram } from './create-program';
import { CliError, EXIT } from './exit-codes';

const HELP_CODES = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

const program = createProgram({
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  print: (text) => void process.stdout.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
});

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT.ok;
} catch (err) {
  process.exitCode = exitCodeOf(err);
}

function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander has already printed the problem (or the help someone asked for).
    // `--help`, `help <command>` and `--version` end here too, and succeeded.
    return HELP_CODES.has(err.code) ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof CliError) {
    process.stderr.write(`error: ${err.message}\n`);
    return err.exitCode;
  }
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.failed;
}
