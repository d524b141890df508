import type { resyncRuns } from '../db/schema/index';

export type ResyncRun = typeof resyncRuns.$inferSelect;
export type FailedSlice = ResyncRun['failedSlices'][number];
