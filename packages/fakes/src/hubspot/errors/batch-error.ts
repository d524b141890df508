import type { HubspotError } from './hubspot-error';

/** One entry of a 207 `errors[]` — the spec's `StandardError`. */
export interface BatchErrorItem {
  status: 'error';
  category: string;
  subCategory?: string;
  message: string;
  context: Record<string, string[]>;
  errors: Array<{ message: string; code?: string; context?: Record<string, string[]> }>;
  links: Record<string, string>;
}

export function toBatchError(error: HubspotError, context: Record<string, string[]>): BatchErrorItem {
  const { category = 'VALIDATION_ERROR', subCategory, errors = [] } = error.body;
  return {
    status: 'error',
    category,
    ...(subCategory ? { subCategory } : {}),
    message: error.message,
    context: { ...error.body.context, ...context },
    errors,
    links: {},
  };
}
