/**
 * When the app version making the request was released: the date the vendor declared for it in
 * `product_versions` wins; for a version it did not list, the date the app itself reports
 * (`app_released_at`), else unknown, and maintenance is then not enforced. Pure.
 */
export function appReleasedAt(
  declared: string | Date | null,
  reported: Date | null | undefined,
): Date | null {
  if (declared) return new Date(declared);
  return reported ?? null;
}
