import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it), headless. Playwright never
 * downloads a browser here. `--no-sandbox` because CI runs as root, where Chromium's sandbox refuses.
 * Loopback only: every host name but 127.0.0.1 resolves to nothing, so a page that reached for a
 * CDN or any outside host would fail visibly instead of quietly going to the internet.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}
