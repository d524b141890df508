import { validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import type { CrmRecord } from '../store/crm-types';
import { matchesFilter, type SearchFilter } from '../store/matches-filter';
import { toPublicObject } from '../store/to-public-object';
import { checkArray, checkShape, isJsonObject } from '../validation/body-shape';

/** HubSpot's documented search limits. */
const LIMITS = {
  pageSize: 200,
  totalResults: 10_000,
  filterGroups: 5,
  filtersPerGroup: 6,
  filters: 18,
  queryLength: 3_000,
};
const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
];
const SEARCH_REQUEST = {
  className: 'PublicObjectSearchRequest',
  required: [],
  optional: ['after', 'filterGroups', 'limit', 'properties', 'query', 'sorts'],
};
const FILTER = {
  className: 'Filter',
  required: ['operator', 'propertyName'],
  optional: ['value', 'values', 'highValue'],
};

function checkFilterGroups(raw: unknown, known: Set<string>): SearchFilter[][] {
  const groups = checkArray(raw ?? [], 'filterGroups').map((g) =>
    checkArray(
      checkShape(g, { className: 'FilterGroup', required: ['filters'], optional: [] }).filters,
      'filters',
    ),
  );
  const total = groups.reduce((n, g) => n + g.length, 0);
  if (
    groups.length > LIMITS.filterGroups ||
    groups.some((g) => g.length > LIMITS.filtersPerGroup) ||
    total > LIMITS.filters
  ) {
    throw validationError(
      `Search allows at most ${LIMITS.filterGroups} filterGroups of ${LIMITS.filtersPerGroup} filters (${LIMITS.filters} filters in total)`,
    );
  }
  return groups.map((g) =>
    g.map((f) => {
      const filter = checkShape(f, FILTER) as unknown as SearchFilter;
      if (!OPERATORS.includes(filter.operator))
        throw validationError(`Unknown filter operator ${filter.operator}`);
      if (!known.has(filter.propertyName)) {
        throw validationError(`Property "${filter.propertyName}" does not exist`, {
          context: { propertyName: [filter.propertyName] },
        });
      }
      return filter;
    }),
  );
}

function sortRecords(records: CrmRecord[], sorts: unknown[]) {
  const first = sorts[0];
  const spec =
    typeof first === 'string'
      ? {
          propertyName: first.replace(/^-/, ''),
          direction: first.startsWith('-') ? 'DESCENDING' : 'ASCENDING',
        }
      : isJsonObject(first)
        ? first
        : undefined;
  const byId = (a: CrmRecord, b: CrmRecord) => Number(a.id) - Number(b.id);
  if (!spec || typeof spec.propertyName !== 'string') return records.sort(byId);
  const name = spec.propertyName;
  const dir = spec.direction === 'DESCENDING' ? -1 : 1;
  return records.sort(
    (a, b) =>
      dir * String(a.properties[name] ?? '').localeCompare(String(b.properties[name] ?? '')) || byId(a, b),
  );
}

function search(ctx: RouteContext) {
  const { portal } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const body = checkShape(ctx.body, SEARCH_REQUEST);
  const defs = portal.propertiesOf(typeId);
  const groups = checkFilterGroups(body.filterGroups, new Set(defs.keys()));
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  const after = body.after === undefined || body.after === '' ? 0 : Number(body.after);
  if (!Number.isInteger(limit) || limit < 0 || limit > LIMITS.pageSize)
    throw validationError(`limit must be between 0 and ${LIMITS.pageSize}`);
  if (!Number.isInteger(after) || after < 0 || after + limit > LIMITS.totalResults) {
    throw validationError(`Search can page through at most ${LIMITS.totalResults} results`);
  }
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  if (query.length > LIMITS.queryLength)
    throw validationError(`query is longer than ${LIMITS.queryLength} characters`);

  const visibleBefore = ctx.now.getTime() - ctx.searchLagMs;
  const matches = [...portal.recordsOf(typeId).values()].filter(
    (r) =>
      !r.archived &&
      r.createdAt.getTime() <= visibleBefore &&
      (groups.length === 0 ||
        groups.some((g) =>
          g.every((f) => matchesFilter(f, defs.get(f.propertyName), r.properties[f.propertyName])),
        )) &&
      (!query || Object.values(r.properties).some((v) => v.toLowerCase().includes(query))),
  );
  const sorted = sortRecords(matches, body.sorts === undefined ? [] : checkArray(body.sorts, 'sorts'));
  const page = sorted.slice(after, after + limit);
  const properties =
    body.properties === undefined ? [] : checkArray(body.properties, 'properties').map(String);
  const nextAfter =
    after + limit < sorted.length && after + limit < LIMITS.totalResults ? String(after + limit) : undefined;
  return {
    status: 200,
    body: {
      total: sorted.length,
      results: page.map((r) => toPublicObject(r, properties)),
      ...(nextAfter ? { paging: { next: { after: nextAfter } } } : {}),
    },
  };
}

export const objectSearchRoutes: Route[] = [
  route('POST', '/crm/v3/objects/{objectType}/search', search, { search: true }),
];
