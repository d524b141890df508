import type { RequestHandler } from 'express';

// bull-board's page links IBM Plex from Google Fonts; each visit would tell Google who opened the
// board and from where. Without the link the page falls back to the browser's own sans-serif.
const EXTERNAL_FONT_LINK =
  /<link\b[^>]*\bhref="https:\/\/fonts\.(?:googleapis|gstatic)\.com[^"]*"[^>]*>\s*/gi;

/** The HTML without `<link>`s to Google Fonts (stylesheets and preconnects). */
export function stripExternalFonts(html: string): string {
  return html.replace(EXTERNAL_FONT_LINK, '');
}

/** Rewrites HTML responses of the routes below it with `stripExternalFonts`. */
export function withoutExternalFonts(): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const isHtml =
        typeof body === 'string' && /text\/html/.test(String(res.get('content-type') ?? 'text/html'));
      return send(isHtml ? stripExternalFonts(body as string) : body);
    };
    next();
  };
}
