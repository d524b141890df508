import { parseArgs } from 'node:util';

export type Section = 'ingress' | 'e2e' | 'growth' | 'hubspot' | 'license';
export const SECTIONS: Section[] = ['ingress', 'e2e', 'growth', 'hubspot', 'license'];

export interface BenchArgs {
  quick: boolean;
  sections: Section[];
  /** Directory for a CPU profile of the licensync api during the ingress and license sections. */
  profileDir?: string;
}

/** `pnpm bench [-- --quick] [--only ingress,e2e] [--profile .bench/profiles]` */
export function parseBenchArgs(argv: string[]): BenchArgs {
  // `pnpm bench -- --quick` passes the `--` on.
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const sections = values.only ? (values.only.split(',') as Section[]) : SECTIONS;
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length)
    throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return { quick: values.quick ?? false, sections, profileDir: values.profile };
}
