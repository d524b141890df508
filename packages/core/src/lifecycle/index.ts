export * from './close-in-order';
export * from './describe-startup-error';
export * from './listen';
export * from './start-or-exit';
