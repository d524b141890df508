import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';

describe('html', () => {
  it.each([
    [
      'markup in a value is escaped',
      html`<p>${'<script>alert(1)</script>'}</p>`,
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    ],
    [
      'quotes cannot leave an attribute',
      html`<a title="${'" onclick="x'}">`,
      '<a title="&quot; onclick=&quot;x">',
    ],
    [
      'nested html is kept',
      html`<ul>${[html`<li>${'a&b'}</li>`, html`<li>2</li>`]}</ul>`,
      '<ul><li>a&amp;b</li><li>2</li></ul>',
    ],
    ['null and undefined print nothing', html`[${null}${undefined}]`, '[]'],
    ['numbers print as text', html`${3}`, '3'],
  ])('%s', (_rule, out, expected) => {
    expect(out.value).toBe(expected);
  });

  it('escapes a single quote too', () => {
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
