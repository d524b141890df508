/**
 * BullMQ runs jobs without a priority (priority 0: every live webhook job) before any job with
 * one, and prioritized jobs by ascending number; so replays wait behind live traffic.
 * https://docs.bullmq.io/guide/jobs/prioritized
 */
export const REPLAY_PRIORITY = 100;

export interface ReplayPacing {
  /** Failures handed to the queue per chunk. Default 100. */
  chunkSize?: number;
  /** Pause between chunks, in ms, so a bulk replay never floods Redis or the database. Default 200. */
  pauseMs?: number;
}
