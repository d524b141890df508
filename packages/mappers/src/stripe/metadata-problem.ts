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
  | 'unknown-custom-field'
  | 'possible-typo'
  | 'ignored-attribute';

/** One broken rule; `message` names the price, the attribute and the rule because operators act on it. */
export interface MetadataProblem {
  priceId: string;
  attribute: string;
  rule: MetadataRule;
  message: string;
  /**
   * `warning`: the value has a documented meaning and the order is licensed anyway, but it is
   * probably not what was meant (`yes` read as false, an attribute the price type ignores).
   * Absent: an error, which refuses the order.
   */
  severity?: 'warning';
}
