/** HubSpot's DateInput works with { year, month (0-11), date }; licensync with "YYYY-MM-DD". */
export interface PickedDate {
  year: number;
  month: number;
  date: number;
}

export function toIsoDay(value: PickedDate | null | undefined): string | null {
  if (!value) return null;
  const mm = String(value.month + 1).padStart(2, '0');
  const dd = String(value.date).padStart(2, '0');
  return `${value.year}-${mm}-${dd}`;
}

/** licensync's dates are ISO timestamps: a picked day is midnight UTC, as HubSpot's date properties are. */
export function toIsoTimestamp(value: PickedDate | null | undefined): string | null {
  const day = toIsoDay(value);
  return day === null ? null : `${day}T00:00:00.000Z`;
}

export function fromIsoDay(value: unknown): PickedDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]) - 1, date: Number(match[3]) };
}
