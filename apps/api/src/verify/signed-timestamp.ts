/** The `t=` of a Stripe signature header as the SDK verifies it: the last one, as parseInt. */
export function signedTimestamp(header: string): number {
  let t = Number.NaN;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') t = Number.parseInt(value ?? '', 10);
  }
  return t;
}
