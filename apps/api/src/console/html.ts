/** Markup that is already escaped: the only thing `html` interpolates verbatim. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * The console's one template: every interpolated value is escaped (attribute-safe, quotes
 * included) unless it is itself `html` output, so a value from Stripe, HubSpot or an operator
 * can never become markup. Arrays are joined; null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** A date as operators read it (UTC, to the second), or a dash. */
export const when = (d: Date | null | undefined) =>
  d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '—';
