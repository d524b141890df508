import { expect, it } from 'vitest';
import { cronPatternProblem } from './cron-pattern-problem';

it.each([
  ['0 3 * * *', undefined],
  ['*/30 * * * *', undefined],
  ['15 2 * * 1', undefined],
  ['0 3 * * mon', undefined],
  ['0 0 3 * * *', undefined],
  ['99 99 * * *', /^not a valid cron pattern "99 99 \* \* \*" \(.*0-59/],
  ['61 * * * *', /^not a valid cron pattern/],
  ['0 3 * *', /^expected a cron pattern of 5 or 6 fields/],
  ['daily', /^expected a cron pattern of 5 or 6 fields/],
])('%s → %s', (pattern, expected) => {
  const problem = cronPatternProblem(pattern);
  if (expected === undefined) expect(problem).toBeUndefined();
  else expect(problem).toMatch(expected);
});
