import type { Job } from 'bullmq';
import type { WorkerDeps } from '../worker-deps';

/** Processes one job; the string is BullMQ's return value, shown on the jobs dashboard. */
export type JobProcessor = (job: Job, token?: string) => Promise<string>;

/** Builds a job's processor from the worker's dependencies, once per process. */
export type JobHandler = (deps: WorkerDeps) => JobProcessor;
