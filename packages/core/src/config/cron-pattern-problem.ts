import { CronExpressionParser } from 'cron-parser';

/**
 * Why `pattern` is not a cron pattern BullMQ can schedule, or undefined when it is. BullMQ parses
 * repeat patterns with cron-parser too, so a pattern accepted here is one it accepts; refusing a bad
 * one at start beats scheduled resyncs that are silently off.
 */
export function cronPatternProblem(pattern: string): string | undefined {
  const fields = pattern.trim().split(/\s+/).length;
  if (fields < 5 || fields > 6) return `expected a cron pattern of 5 or 6 fields, got "${pattern}"`;
  try {
    CronExpressionParser.parse(pattern, { tz: 'UTC' });
    return undefined;
  } catch (err) {
    return `not a valid cron pattern "${pattern}" (${(err as Error).message.split('\n')[0]})`;
  }
}
