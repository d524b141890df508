import { describe, expect, it } from 'vitest';
import { html, when } from './html';

describe('html', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an attribute break-out', '" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ['single quotes and backticks', "'`", '&#39;&#96;'],
    ['an ampersand', 'a&b', 'a&amp;b'],
  ])('escapes %s', (_rule, value, expected) => {
    expect(html`<p title="${value}">${value}</p>`.text).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('keeps nested html, joins arrays and drops null, undefined and false', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.text).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li></ul>0',
    );
  });

  it('shows dates in UTC to the second, and a dash for none', () => {
    expect(when(new Date('2026-12-01T10:11:12.345Z'))).toBe('2026-12-01 10:11:12 UTC');
    expect(when(null)).toBe('—');
  });
});
