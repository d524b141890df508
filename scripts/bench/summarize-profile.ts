/**
 * Where a V8 CPU profile (`node --cpu-prof`) spent its time: self time by package and by function.
 *   tsx scripts/bench/summarize-profile.ts FILE.cpuprofile [--top 20] [--from-s 5]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/.pnpm/pg@8.23.1/…` → `pg`; our sources by folder; node internals as `node:`. */
export function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pnpm = /node_modules\/\.pnpm\/(@[^+/]+\+[^@/]+|[^@/]+)@/.exec(url);
  if (pnpm) return pnpm[1]!.replace('+', '/');
  const mod = /node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(url);
  if (mod) return mod[1]!;
  if (url.startsWith('node:internal/')) return `node:${url.slice(14).split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:')) return url;
  const ours = /\/(apps|packages)\/([^/]+)\//.exec(url);
  return ours ? `licensync ${ours[1]}/${ours[2]}` : url;
}

export function summarizeProfile(file: string, top = 20, fromS = 0): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // Samples from `fromS` seconds on: start-up (module loading, transpiling) is not the steady state.
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= fromS * 1e6) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const idle = byPackage.get('(idle)') ?? 0;
  const busy = total - idle;
  const rows = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return [
    `${(total / 1e6).toFixed(1)} s sampled, ${((100 * busy) / total).toFixed(0)}% busy; shares of busy time:`,
    'by package (self time)',
    rows(byPackage),
    'by function (self time)',
    rows(byFunction),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string' }, 'from-s': { type: 'string' } },
  });
  for (const file of positionals)
    console.log(
      `${file}\n${summarizeProfile(file, Number(values.top ?? 20), Number(values['from-s'] ?? 0))}\n`,
    );
}
