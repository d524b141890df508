export * from './create-queues';
export * from './job-options';
export * from './jobs/process-inbox-event';
export * from './names';
export * from './redis';
