/**
 * Exit codes scripts can rely on. Part of the CLI's contract: add codes, never renumber them.
 */
export const EXIT = {
  ok: 0,
  /** The api answered, and the operation did not succeed (nothing requeued, a resync failed, a 404). */
  failed: 1,
  /** Bad flags or arguments, or input the api refused as invalid (400). */
  usage: 2,
  /** The api cannot be reached, or refused the token (401/403). */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with a given exit code; its message goes to stderr. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
