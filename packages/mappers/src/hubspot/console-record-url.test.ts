import { describe, expect, it } from 'vitest';
import { consoleRecordUrl } from './console-record-url';

describe('consoleRecordUrl', () => {
  it.each([
    [
      'a license',
      'licenses',
      'https://lic.example.com',
      'https://lic.example.com/console/licenses/l-1?workspace=acme',
    ],
    [
      'a trailing slash is not doubled',
      'customers',
      'https://lic.example.com/',
      'https://lic.example.com/console/customers/l-1?workspace=acme',
    ],
    [
      'a failure (the alert links to it)',
      'failures',
      'https://lic.example.com/licensync',
      'https://lic.example.com/licensync/console/failures/l-1?workspace=acme',
    ],
  ] as const)('%s', (_rule, kind, publicUrl, expected) => {
    expect(consoleRecordUrl({ publicUrl, workspaceSlug: 'acme' }, kind, 'l-1')).toBe(expected);
  });
});
