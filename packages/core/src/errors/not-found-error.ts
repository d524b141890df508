/** A product, policy or license that does not exist in the workspace; the admin API answers 404. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
