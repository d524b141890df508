/** The rule a metadata value broke; stable codes for storing and filtering problems. */
export type MetadataRule =
  | 'required'
  | 'boolean'
  | 'positive-integer'
  | 'non-negative-integer'
  | 'duration-format'
  | 'license-type'
  | 'recurring-license-type'
  | 'duration-from-billing-period'
  | 'floating-cloud-within-max-activations'
  | 'user-authorization-only'
  | 'recurring-only'
  | 'requires-single-license'
  | 'requires-floating-cloud'
  | 'custom-field-name'
  | 'possible-typo';

/** One broken rule; `message` names the price, the attribute and the rule because operators act on it. */
export interface MetadataProblem {
  priceId: string;
  attribute: string;
  rule: MetadataRule;
  message: string;
}
