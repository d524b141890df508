import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`scripts/ensure-chromium.sh` installs it, as the README's test line and `.ci/run` do), headless. Playwright never
 * downloads a browser here. `--no-sandbox` because CI runs as root, where Chromium's sandbox refuses.
 * Loopback only: every host name but 127.0.0.1 resolves to nothing, so a page that reached for a
 * CDN or any outside host would fail visibly instead of quietly going to the internet.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

function findChromium(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium on the PATH: run `bash scripts/ensure-chromium.sh`, or set CHROMIUM_PATH');
  }
}
