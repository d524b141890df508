import { z } from 'zod';
import { plainText } from './input-primitives';

export const customFieldInputSchema = z.strictObject({
  // A policy's custom_field_values could never name it (see namedValues).
  name: plainText(100).refine((name) => name !== '__proto__', 'is a reserved name'),
  default_value: z
    .string()
    .max(1000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .default(''),
});
export type CustomFieldInput = z.output<typeof customFieldInputSchema>;
