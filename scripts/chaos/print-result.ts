import type { StateTotals } from './compare-state';
import type { ScenarioResult } from './run-scenario';

const n = (x: number) => x.toLocaleString('en-US');

const ROWS: [keyof StateTotals, string][] = [
  ['events', 'events stored'],
  ['licenses', 'licenses'],
  ['enabled', 'licenses enabled'],
  ['customers', 'customers'],
  ['hubspotLicenses', 'HubSpot license records'],
  ['hubspotContacts', 'HubSpot contacts'],
];

/** One scenario's outcome as the operator reads it: the two counts that must be 0, then the state. */
export function formatResult(r: ScenarioResult): string {
  const c = r.comparison;
  const d = r.deliveries;
  const lines = [
    `== ${r.name}: ${r.converged ? 'PASS' : 'FAIL'} — lost ${c.lost}, duplicated ${c.duplicated}`,
    `   ${n(c.expected.events)} events delivered ${n(d.delivered)} times (${n(d.retried)} retries, ${d.abandoned} abandoned); disruption: ${r.disruption}`,
    r.converged
      ? `   state matched after ${r.seconds.toFixed(1)} s`
      : `   no match within ${r.seconds.toFixed(0)} s: in progress ${c.pending}, wrong ${c.wrong}, failed for good ${c.failedForGood}, sync intents open ${c.openIntents}`,
    '   expected vs actual:',
    ...ROWS.map(([key, label]) => {
      const mark = c.expected[key] === c.actual[key] ? 'ok' : 'DIFF';
      return `     ${label.padEnd(24)} ${n(c.expected[key]).padStart(7)} ${n(c.actual[key]).padStart(7)}  ${mark}`;
    }),
    ...c.examples.map((e) => `   e.g. ${e}`),
  ];
  return lines.join('\n');
}
