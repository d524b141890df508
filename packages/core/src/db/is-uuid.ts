const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can be one of our row ids at all; anything else is unknown rather than a database error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
