import { z } from 'zod';
import { plainText } from './input-primitives';

export const customFieldInputSchema = z.strictObject({
  name: plainText(100),
  default_value: z
    .string()
    .max(1000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .default(''),
});
export type CustomFieldInput = z.output<typeof customFieldInputSchema>;
