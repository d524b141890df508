import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createMetrics, registerStateGauges } from '@licensync/core/metrics';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createHubspotMetrics } from '../packages/hubspot/src/hubspot-metrics';

const root = new URL('..', import.meta.url).pathname;
const rules = parse(readFileSync(`${root}deploy/prometheus/licensync-alerts.yml`, 'utf8')) as {
  groups: { rules: { alert: string; expr: string; annotations: Record<string, string> }[] }[];
};
const alerts = rules.groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(readFileSync(`${root}deploy/grafana/licensync-dashboard.json`, 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

/** Every series name a licensync process can expose, histograms' suffixes included. */
async function exposedNames(): Promise<Set<string>> {
  const metrics = createMetrics({ defaults: true });
  createHubspotMetrics(metrics);
  registerStateGauges(metrics.registry, async () => {
    throw new Error('not read: only the names are needed');
  });
  const names = new Set(['up']);
  for (const m of metrics.registry.getMetricsAsArray()) {
    names.add(m.name);
    for (const suffix of ['_bucket', '_count', '_sum']) names.add(m.name + suffix);
  }
  return names;
}

const metricNames = (expr: string) => expr.match(/\blicensync_[a-z0-9_]+/g) ?? [];

describe('deploy/', () => {
  it('alerts and dashboard name only metrics licensync exposes', async () => {
    const names = await exposedNames();
    const used = [
      ...alerts.map((a) => a.expr),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];
    const unknown = used.flatMap(metricNames).filter((n) => !names.has(n));
    expect(unknown).toEqual([]);
    expect(used.flatMap(metricNames).length).toBeGreaterThan(20);
  });

  it('has an alert with a runbook line for each situation an operator must act on', () => {
    for (const a of alerts) expect(a.annotations.runbook, a.alert).toMatch(/.{20,}/);
    const byName = Object.fromEntries(alerts.map((a) => [a.alert, a.expr]));
    expect(byName.LicensyncFailuresRising).toContain('licensync_failures_open');
    expect(byName.LicensyncInboxQueueOld).toContain('licensync_queue_oldest_waiting_age_seconds');
    expect(byName.LicensyncHubspotPaused).toContain('licensync_hubspot_rate_limit_pauses_total');
    expect(byName.LicensyncWorkerDown).toContain('up{job="licensync-worker"}');
    expect(byName.LicensyncResyncFailed).toContain('licensync_resync_last_run_failed');
  });

  it('metric names follow Prometheus conventions: counters end in _total, no status in the name', async () => {
    const metrics = createMetrics();
    createHubspotMetrics(metrics);
    for (const m of await metrics.registry.getMetricsAsJSON()) {
      if (String(m.type) === 'counter') expect(m.name).toMatch(/_total$/);
      if (String(m.type) === 'histogram') expect(m.name).toMatch(/_seconds$/);
      expect(m.name).not.toMatch(/_[1-5]\d\d(_|$)/);
    }
  });

  // promtool is Debian's `prometheus` package, unpacked by the script when apt can fetch it.
  const promtoolReady =
    existsSync(`${root}.tools/promtool/usr/bin/promtool`) ||
    execFileSync('sh', ['-c', 'command -v promtool || true']).toString().trim() !== '';
  it.skipIf(!promtoolReady)('promtool accepts the rules, the config and the rules’ unit tests', () => {
    const out = execFileSync('bash', [`${root}scripts/check-alert-rules.sh`], { encoding: 'utf8' });
    expect(out).toContain('SUCCESS: 8 rules found');
    expect(out).toMatch(/Unit Testing:.*\n\s+SUCCESS/);
  });
});
