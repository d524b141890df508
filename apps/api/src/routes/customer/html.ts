const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Markup already escaped (or written by us): `html` inserts it as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = SafeHtml | string | number | null | undefined | readonly Part[];

const toHtml = (part: Part): string =>
  part instanceof SafeHtml
    ? part.value
    : Array.isArray(part)
      ? part.map(toHtml).join('')
      : part === null || part === undefined
        ? ''
        : escapeHtml(String(part));

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml` (such as the
 * result of another `html`), so customer-controlled names and ids cannot inject markup.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += toHtml(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}
