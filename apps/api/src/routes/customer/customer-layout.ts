import type { Response } from 'express';
import { html, type SafeHtml } from './html';

/**
 * Sends a customer-facing page. The link's token is in the URL, so no referrer leaves the page,
 * nothing is cached, and the policy allows no script and forms only to us.
 */
export function sendCustomerPage(res: Response, status: number, title: string, body: SafeHtml): void {
  res
    .status(status)
    .set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    })
    .send(
      html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
code{background:#f4f4f4;padding:.1rem .3rem}.muted{color:#666}</style></head>
<body>${body}</body></html>`.value,
    );
}

/** The answer to a link that was used, expired or never valid: the same page for each. */
export function sendLinkGone(res: Response): void {
  sendCustomerPage(
    res,
    410,
    'Link expired',
    html`<h1>This link has expired</h1><p>It was used already, is past its date, or is not valid. Ask the vendor to send your licenses again.</p>`,
  );
}
