export * from './create-queues';
export * from './job-options';
export * from './jobs/process-inbox-event';
export * from './jobs/run-resync';
export * from './names';
export * from './redis';
