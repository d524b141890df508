import { CronExpressionParser } from 'cron-parser';

/**
 * Whether BullMQ can schedule `pattern`: it parses job scheduler patterns with cron-parser, so
 * asking cron-parser is the one check that cannot disagree with it. Returns the parser's reason
 * when it cannot.
 */
export function cronProblem(pattern: string): string | null {
  try {
    CronExpressionParser.parse(pattern, { tz: 'UTC' });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
