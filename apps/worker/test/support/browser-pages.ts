// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locators: innerText() is the text a person sees.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Screenshots for the note, at the repository root (git-ignored). */
const SHOTS = fileURLToPath(new URL('../../../../artifacts/console/', import.meta.url));

/** What the console's browser tests do with pages, on one shared browser. */
export function browserPages(browser: Browser, base: string) {
  mkdirSync(SHOTS, { recursive: true });
  return {
    /** A fresh browser profile (no cookies), on a phone-sized or laptop-sized screen. */
    async newPage(size: 'laptop' | 'phone' = 'laptop'): Promise<{ context: BrowserContext; page: Page }> {
      const viewport = size === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 };
      const context = await browser.newContext({ viewport, baseURL: base });
      return { context, page: await context.newPage() };
    },
    /** Fills the sign-in page the console redirected to. */
    async signIn(page: Page, key: string) {
      await expect.poll(() => page.url()).toContain('/console/signin');
      await page.getByLabel('Operator key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
    },
    shot: (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true }),
    heading: (page: Page) => page.locator('h1').innerText(),
    /** The CSRF token the page's forms carry. */
    csrfOf: (page: Page) => page.locator('input[name=_csrf]').first().inputValue(),
    /** A form post made by the page's own script (same origin, its cookies), as a forged form would be. */
    postFrom(page: Page, path: string, fields: Record<string, string>) {
      return page.evaluate(
        async ({ path, fields }) => {
          const res = await fetch(path, { method: 'POST', body: new URLSearchParams(fields) });
          return { status: res.status, text: await res.text() };
        },
        { path, fields },
      );
    },
  };
}
