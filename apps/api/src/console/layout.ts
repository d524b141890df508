import { html, type SafeHtml } from './html';

export interface PageFrame {
  title: string;
  /** The nav entry shown as current (its path under /console). */
  section?: string;
  /** Absent on the sign-in page: no nav, no sign-out. */
  session?: { actor: string; scope: string; csrf: string; workspaceName: string };
  /** A notice at the top (`?notice=` after a redirect). */
  notice?: string | undefined;
}

const NAV = [
  ['', 'Overview'],
  ['licenses', 'Licenses'],
  ['customers', 'Customers'],
  ['failures', 'Failures'],
  ['resyncs', 'Resyncs'],
  ['connections', 'Connections'],
  ['settings', 'Settings'],
  ['workspaces', 'Workspaces'],
] as const;

/** The CSRF field every console form carries. */
export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/**
 * The page shell: a skip link, the nav (current page marked with aria-current), the signed-in key
 * and workspace, sign-out. htmx sends the CSRF token as a header on every request it makes.
 */
export function layout(frame: PageFrame, body: SafeHtml): string {
  const s = frame.session;
  const nav = s
    ? html`<nav aria-label="Console"><ul>${NAV.map(
        ([path, label]) =>
          html`<li><a href="/console/${path}"${frame.section === path ? html` aria-current="page"` : ''}>${label}</a></li>`,
      )}</ul></nav>
      <div class="who"><span>${s.workspaceName} · ${s.actor}${s.scope === 'read' ? ' (read-only)' : ''}</span>
      <form method="post" action="/console/signout">${csrfField(s.csrf)}<button type="submit">Sign out</button></form></div>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · licensync console</title>
<meta name="htmx-config" content="${JSON.stringify({ includeIndicatorStyles: false })}">
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/htmx.min.js" defer></script>
</head>
<body${s ? html` hx-headers="${JSON.stringify({ 'X-CSRF-Token': s.csrf })}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<header><a class="brand" href="/console/">licensync</a>${nav}</header>
<main id="main" tabindex="-1">
${frame.notice ? html`<p class="notice" role="status">${frame.notice}</p>` : ''}
<h1>${frame.title}</h1>
${body}
</main>
</body>
</html>
`.text;
}
