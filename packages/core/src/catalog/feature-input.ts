import { z } from 'zod';
import { codeText, plainText, positiveCount } from './input-primitives';

export const featureInputSchema = z
  .strictObject({
    code: codeText,
    name: plainText(),
    feature_type: z.enum(['activation', 'consumption']).default('activation'),
    max_consumption: positiveCount.optional(),
  })
  .refine((f) => f.max_consumption === undefined || f.feature_type === 'consumption', {
    path: ['max_consumption'],
    message: 'only allowed when feature_type is consumption',
  });
export type FeatureInput = z.output<typeof featureInputSchema>;
