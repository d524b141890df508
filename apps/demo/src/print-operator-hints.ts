import type { BrokenPriceOutcome } from './run-broken-price-step';

/**
 * What to try once the story is done: the jobs board, the CLI on the failure the story left, and
 * whether the demo stops (`--exit`) or keeps running.
 */
export function printOperatorHints(opts: {
  apiUrl: string;
  stripeUrl: string;
  stripeKey: string;
  token: string;
  broken: BrokenPriceOutcome;
  exiting: boolean;
  print(line: string): void;
}): void {
  const { apiUrl, token, broken } = opts;
  const cli = `pnpm exec licensync --url ${apiUrl} --token ${token}`;
  const lines = [
    '',
    opts.exiting
      ? 'The story is done. Stopping now (--exit); run `pnpm demo` without it to keep the service up and try the commands below.'
      : 'The story is done. The service keeps running; try:',
    `  jobs board      ${apiUrl}/admin/queues  (any user name, password ${token})`,
    `  status          ${cli} status`,
    `  the failure     ${cli} failures show ${broken.failureId}`,
    `  fix the price   curl -H 'Authorization: Bearer ${opts.stripeKey}' ${opts.stripeUrl}/v1/prices/${broken.priceId} -d 'metadata[floating_cloud]=2'`,
    `  replay it       ${cli} failures replay --id ${broken.failureId} --wait`,
    `  history         ${cli} history alan@example.com`,
    `  metrics         curl ${apiUrl}/metrics`,
  ];
  if (!opts.exiting) lines.push('Press Ctrl-C to stop.');
  for (const line of lines) opts.print(line);
}
