export * from './enqueue-inbox-event';
export * from './mark-inbox-event';
export * from './record-inbox-event';
