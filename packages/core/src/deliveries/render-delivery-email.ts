import Mustache from 'mustache';
import { UnprocessableError } from '../errors/unprocessable-error';
import type { DeliveryTemplateParts, DeliveryView } from './delivery-view';

const noEscape = (value: string) => value;

/**
 * Renders a delivery mail. The HTML part escapes every `{{value}}` (mustache's default); the
 * subject and the plain-text part are not HTML, so they are rendered without escaping. Mustache
 * is logic-less: a vendor's template can loop and test, never run code.
 */
export function renderDeliveryEmail(
  template: DeliveryTemplateParts,
  view: DeliveryView,
): DeliveryTemplateParts {
  return {
    // A header must stay on one line whatever a name contains.
    subject: Mustache.render(template.subject, view, {}, { escape: noEscape })
      .replace(/[\r\n]+/g, ' ')
      .trim(),
    text: Mustache.render(template.text, view, {}, { escape: noEscape }),
    html: Mustache.render(template.html, view),
  };
}

/** Refuses a template mustache cannot parse or that uses partials (we have none to offer). */
export function checkDeliveryTemplate(template: DeliveryTemplateParts): void {
  for (const part of ['subject', 'text', 'html'] as const) {
    let spans: ReturnType<typeof Mustache.parse>;
    try {
      spans = Mustache.parse(template[part]);
    } catch (err) {
      throw new UnprocessableError(
        part,
        `${part} is not a valid mustache template: ${(err as Error).message}`,
      );
    }
    if (usesPartials(spans))
      throw new UnprocessableError(part, `${part} uses a partial ({{> …}}); none exist`);
  }
}

function usesPartials(spans: unknown[]): boolean {
  return spans.some((s) => {
    const span = s as [string, string, number, number, unknown[]?];
    return span[0] === '>' || (Array.isArray(span[4]) && usesPartials(span[4]));
  });
}
