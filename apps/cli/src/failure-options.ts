import { type Command, Option } from 'commander';
import { CliError, EXIT } from './exit-codes';

/** A failure as `GET /api/v1/failures` lists it. */
export interface FailureJson {
  id: number;
  queue: string;
  event_id: string | null;
  event_type: string | null;
  attempts: number;
  last_error: string;
  status: string;
  created_at: string;
}

export interface SelectionFlags {
  id?: string[];
  filterQueue?: string;
  filterEventType?: string;
  filterError?: string;
  filterSince?: string;
  filterUntil?: string;
}

/** `--id …` or `--filter-*`: which failures a replay or discard acts on. */
export function addSelectionOptions(command: Command): Command {
  return command
    .option('--id <ids...>', 'failure ids (repeat or list)')
    .option('--filter-queue <queue>', 'open failures of this queue')
    .option('--filter-event-type <type>', 'open failures of this event type')
    .option('--filter-error <text>', 'open failures whose error contains this text (any case)')
    .addOption(new Option('--filter-since <time>', 'open failures recorded at or after (ISO 8601)'))
    .addOption(new Option('--filter-until <time>', 'open failures recorded at or before (ISO 8601)'));
}

/** The request's `{ids}` or `{filter}`; a usage error when neither or both are given. */
export function toSelection(flags: SelectionFlags): { ids: number[] } | { filter: Record<string, string> } {
  const filter = Object.fromEntries(
    Object.entries({
      queue: flags.filterQueue,
      event_type: flags.filterEventType,
      error: flags.filterError,
      since: flags.filterSince,
      until: flags.filterUntil,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const hasFilter = Object.keys(filter).length > 0;
  if (flags.id && hasFilter)
    throw new CliError('give either --id or --filter-* options, not both', EXIT.usage);
  if (flags.id) {
    const ids = flags.id.flatMap((v) => v.split(',')).map((v) => Number(v.trim()));
    if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
      throw new CliError('--id takes positive integers', EXIT.usage);
    }
    return { ids };
  }
  if (!hasFilter) throw new CliError('give --id or at least one --filter-* option', EXIT.usage);
  return { filter };
}
