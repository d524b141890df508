import type { DestinationStream } from 'pino';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { scrub, toSafeError } from './to-safe-error';

export type { Logger };

/**
 * Fields that hold personal data, secrets or whole payloads wherever they appear in a log line.
 * Log ids (event id, license id, failure id) instead of the records themselves.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["stripe-signature"]',
  'email',
  '*.email',
  'customer_email',
  '*.customer_email',
  'payload',
  '*.payload',
  'body',
  '*.body',
  'params',
  '*.params',
];

export interface LoggerOptions {
  level: string;
  name: string;
  /** Human-readable lines (pino-pretty) instead of JSON; for development terminals. */
  pretty?: boolean;
  /** Where lines go (default stdout); tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const destination = opts.destination ?? (opts.pretty ? pretty({ colorize: true, sync: true }) : undefined);
  return pino(
    {
      name: opts.name,
      level: opts.level,
      base: { service: opts.name },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: toSafeError, error: toSafeError },
      // Many call sites log `err: err.message`: a string is scrubbed like an error's message.
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      formatters: {
        log: (obj) => (typeof obj.err === 'string' ? { ...obj, err: scrub(obj.err) } : obj),
      },
    },
    destination,
  );
}

/** pino-pretty in development on a terminal; JSON lines everywhere else (pipes, files, production). */
export function prettyLogs(config: { NODE_ENV: string }): boolean {
  return config.NODE_ENV === 'development' && process.stdout.isTTY === true;
}
