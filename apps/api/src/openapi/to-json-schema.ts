import { z } from 'zod';

/**
 * A zod schema as JSON Schema draft 2020-12, the dialect OpenAPI 3.1 uses. `input`: a request is
 * described as the caller writes it (before defaults and coercion). Refinements JSON Schema cannot
 * say (e.g. "valid_duration excludes valid_until") are left to the prose and the 400 answer.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  const { $schema: _dialect, ...rest } = json as Record<string, unknown>;
  return rest;
}
