import path from 'node:path';
import { type Child, startChild } from './start-child';

/** The fake Stripe in its own process (see fake-stripe.main.ts). */
export async function startFakeStripe(root: string): Promise<{ url: string; child: Child }> {
  const child = await startChild({
    name: 'fake stripe',
    args: ['--import', 'tsx', path.join(root, 'scripts/bench/fake-stripe.main.ts')],
    env: {},
    readyLine: /fake stripe http:\/\/\S+/,
    cwd: root,
    ipc: true,
  });
  const url = /fake stripe (http:\/\/\S+)/.exec(child.output())![1]!;
  return { url, child };
}
