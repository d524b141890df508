import { describeStartupError } from './describe-startup-error';

/**
 * Runs a process's start-up; if it throws, prints `<name>: <one line>` on stderr and exits 1,
 * instead of Node's stack trace. Only process files (`main.ts`) call it.
 */
export async function startOrExit<T>(name: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    process.stderr.write(`${name}: ${describeStartupError(err)}\n`);
    process.exit(1);
  }
}
