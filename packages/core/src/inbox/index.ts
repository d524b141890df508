export * from './create-batcher';
export * from './create-inbox-writer';
export * from './enqueue-inbox-batch';
export * from './enqueue-inbox-event';
export * from './inbox-record';
export * from './insert-inbox-batch';
export * from './mark-inbox-event';
export * from './record-inbox-event';
