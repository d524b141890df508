import type { z } from 'zod';

/**
 * A refinement for PATCH bodies: at least one field given. It runs only when the body is
 * otherwise valid, so an unknown field is reported as itself rather than as "nothing to change".
 */
export function atLeastOneField(what = 'field') {
  return [
    (body: Record<string, unknown>) => Object.values(body).some((v) => v !== undefined),
    {
      message: `give at least one ${what} to change`,
      when: (payload: z.core.ParsePayload) => payload.issues.length === 0,
    },
  ] as const;
}
