import { expect, it } from 'vitest';
import { stripExternalFonts } from './without-external-fonts';

it.each([
  [
    'the stylesheet link bull-board ships',
    '<title>x</title>\n    <link href="https://fonts.googleapis.com/css2?family=IBM+Plex+Sans:wght@400&display=swap" rel="stylesheet">\n<link href="static/css/main.css" rel="stylesheet">',
    '<title>x</title>\n    <link href="static/css/main.css" rel="stylesheet">',
  ],
  [
    'preconnects to both hosts',
    '<link rel="preconnect" href="https://fonts.googleapis.com"><link rel="preconnect" href="https://fonts.gstatic.com" crossorigin><p>',
    '<p>',
  ],
  [
    'local links stay',
    '<link href="static/fonts.css" rel="stylesheet">',
    '<link href="static/fonts.css" rel="stylesheet">',
  ],
])('removes %s', (_name, html, expected) => {
  expect(stripExternalFonts(html)).toBe(expected);
});
