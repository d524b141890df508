export * from './record-job-failure';
