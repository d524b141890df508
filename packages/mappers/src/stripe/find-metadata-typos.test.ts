import { describe, expect, it } from 'vitest';
import { findMetadataTypos } from './find-metadata-typos';

describe('findMetadataTypos', () => {
  it.each([
    ['max_activation', 'max_activations'],
    ['shortcode', 'short_code'],
    ['Short-Code', 'short_code'],
    ['license type', 'license_type'],
    ['is_single_licence', 'is_single_license'],
    ['floating_clod', 'floating_cloud'],
  ])('%s looks like a typo of %s', (key, suggestion) => {
    expect(findMetadataTypos([key])).toEqual([{ key, suggestion }]);
  });

  it.each([
    ['a known key', 'max_activations'],
    ['a custom field', 'custom_field_edition'],
    ["a vendor's own key", 'crm_id'],
    ['a distant key', 'license_server_region'],
  ])('%s is not a typo', (_case, key) => {
    expect(findMetadataTypos([key])).toEqual([]);
  });
});
