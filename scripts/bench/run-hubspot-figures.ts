import path from 'node:path';
import { startChild } from './start-child';

export interface HubspotFigures {
  licenses: number;
  /** The figure lines `pnpm bench:hubspot` printed, by label. */
  lines: Record<string, string>;
  callsPerRecord: number;
  callsOverFewest: number;
  wallOverFloor: number;
  failed: boolean;
}

const LABELS = [
  'HubSpot calls',
  'calls per record',
  'fewest calls',
  'calls ÷ fewest',
  'wall time',
  'rate-limit floor',
  'wall ÷ floor',
];

/** Runs `scripts/bench-hubspot.ts` (what `pnpm bench:hubspot` runs) and takes its figures. */
export async function runHubspotFigures(root: string, licenses: number): Promise<HubspotFigures> {
  const child = await startChild({
    name: 'bench:hubspot',
    args: ['--import', 'tsx', path.join(root, 'scripts/bench-hubspot.ts'), '--n', String(licenses)],
    env: { LOG_LEVEL: 'warn' },
    cwd: root,
    readyTimeoutMs: 1000,
  });
  const code = await new Promise<number>((resolve) => {
    if (child.process.exitCode !== null) resolve(child.process.exitCode);
    else child.process.once('exit', (c) => resolve(c ?? 1));
  });
  const output = child.output();
  const lines: Record<string, string> = {};
  for (const label of LABELS) {
    const line = new RegExp(`^\\s*${label.replace(/[÷]/g, '.')}\\s+(.+)$`, 'm').exec(output)?.[1];
    if (line) lines[label] = line.trim();
  }
  const num = (label: string) => Number.parseFloat(lines[label] ?? 'NaN');
  return {
    licenses,
    lines,
    callsPerRecord: num('calls per record'),
    callsOverFewest: num('calls ÷ fewest'),
    wallOverFloor: num('wall ÷ floor'),
    failed: code !== 0,
  };
}
