import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !v.includes('\u0000') && v.isWellFormed(), 'must be plain text');

/** Who is calling: a license key, or (user products) a license user's email and password. */
const credentials = {
  license_key: text(200).optional(),
  email: z.email().max(320).optional(),
  password: z.string().min(1).max(1024).optional(),
};

const app = {
  /** The product's short code. */
  product: text(100),
  hardware_id: text(200),
  app_version: text(50).optional(),
  os: text(100).optional(),
  /** The app's release date; used for maintenance only when the vendor did not declare the version. */
  app_released_at: z.iso.datetime({ offset: true }).optional(),
  /** Echoed in the signed answer, so a recorded answer cannot be replayed to this request. */
  nonce: text(200).optional(),
};

type Creds = { license_key?: string | undefined; email?: string | undefined; password?: string | undefined };
const oneCredential = (b: Creds) =>
  (b.license_key !== undefined) !== (b.email !== undefined && b.password !== undefined);
const credentialProblem = {
  message: 'give either license_key, or email and password (user licenses)',
  path: ['license_key'],
};

export const licenseRequestSchema = z
  .strictObject({ ...app, ...credentials })
  .refine(oneCredential, credentialProblem);
export type LicenseRequest = z.output<typeof licenseRequestSchema>;

export const consumptionRequestSchema = z
  .strictObject({ ...app, ...credentials, amount: z.int().min(1).max(1_000_000_000) })
  .refine(oneCredential, credentialProblem);

/** The license manager signs in with their own email and password; `user_email` is who they manage. */
const manager = {
  product: text(100),
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
  nonce: text(200).optional(),
};
export const listUsersRequestSchema = z.strictObject(manager);
export const addUserRequestSchema = z.strictObject({
  ...manager,
  user_email: z.email().max(320),
  is_manager: z.boolean().default(false),
});
export const removeUserRequestSchema = z.strictObject({ ...manager, user_email: z.email().max(320) });
