import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { level: string; name: string }): Logger {
  return pino({ name: opts.name, level: opts.level, base: { service: opts.name } });
}
