import type { createRenderer } from '@hubspot/ui-extensions/testing';

type Renderer = ReturnType<typeof createRenderer>;

/** Sets what HubSpot's data hooks answer: the record's own properties and its first associated record. */
export function mockRecord(
  r: Renderer,
  own: Record<string, string | null>,
  associated?: Record<string, string | null>,
): void {
  r.mocks.useCrmProperties.willCall(() => ({
    properties: own,
    error: null,
    isLoading: false,
    isRefetching: false,
    refetch: async () => {},
  }));
  r.mocks.useAssociations.willCall(() => ({
    results: associated ? [{ toObjectId: 5, associationTypes: [], properties: associated }] : [],
    error: null,
    isLoading: false,
    isRefetching: false,
    pagination: {
      hasNextPage: false,
      hasPreviousPage: false,
      currentPage: 1,
      pageSize: 1,
      nextPage: () => {},
      previousPage: () => {},
      reset: () => {},
    },
    refetch: async () => {},
  }));
}
