const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A minimal HTML page for the browser steps of the HubSpot install; every value is escaped. */
export function renderPage(title: string, lines: string[], link?: { href: string; text: string }): string {
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const a = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>` : '';
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n<h1>${escapeHtml(title)}</h1>\n${body}\n${a}\n</html>\n`;
}
