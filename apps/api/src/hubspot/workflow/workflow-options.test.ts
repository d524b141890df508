import { describe, expect, it } from 'vitest';
import { OPTIONS_PAGE, toOptionsPage } from './workflow-options';

const options = Array.from({ length: 120 }, (_, i) => ({ label: `Product ${i}`, value: `p${i}` }));

describe('toOptionsPage', () => {
  it.each([
    ['the first page, with where the next starts', {}, 0, OPTIONS_PAGE, String(OPTIONS_PAGE)],
    ['the page `after` names', { after: '100' }, 100, 20, undefined],
    ['an `after` that is no number starts over', { after: 'x' }, 0, OPTIONS_PAGE, String(OPTIONS_PAGE)],
  ])('%s', (_rule, fetch, first, count, after) => {
    const page = toOptionsPage(options, fetch);
    expect(page.options[0]).toEqual(options[first]);
    expect(page.options).toHaveLength(count);
    expect(page.after).toBe(after);
    expect(page.searchable).toBe(true);
  });

  it('matches the search text on label or value, case-insensitively', () => {
    expect(toOptionsPage(options, { q: 'PRODUCT 11' }).options.map((o) => o.value)).toEqual([
      'p11',
      'p110',
      'p111',
      'p112',
      'p113',
      'p114',
      'p115',
      'p116',
      'p117',
      'p118',
      'p119',
    ]);
    expect(toOptionsPage(options, { q: 'p7' }).options.map((o) => o.value)).toEqual([
      'p7',
      'p70',
      'p71',
      'p72',
      'p73',
      'p74',
      'p75',
      'p76',
      'p77',
      'p78',
      'p79',
    ]);
  });
});
