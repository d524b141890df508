import { HubspotError } from './hubspot-error';

/** One rejected property value, named with HubSpot's validation codes. */
export interface PropertyProblem {
  name: string;
  code:
    | 'PROPERTY_DOESNT_EXIST'
    | 'INVALID_OPTION'
    | 'INVALID_DATE'
    | 'INVALID_DOUBLE'
    | 'INVALID_BOOLEAN'
    | 'READ_ONLY_VALUE'
    | 'REQUIRED_PROPERTY'
    | 'VALUE_TOO_LONG';
  message: string;
}

/**
 * HubSpot serialises its internal validation results into the message string, then (on v3) repeats
 * them as `errors[]`; clients in the wild parse either, so both are produced.
 */
export function propertyValuesError(portalId: number, problems: PropertyProblem[]): HubspotError {
  const results = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.code,
    name: p.name,
    localizedErrorMessage: p.message,
    portalId,
  }));
  return new HubspotError(400, {
    message: `Property values were not valid: ${JSON.stringify(results)}`,
    category: 'VALIDATION_ERROR',
    errors: problems.map((p) => ({ message: p.message, code: p.code, context: { propertyName: [p.name] } })),
  });
}
