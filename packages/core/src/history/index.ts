export * from './actor-context';
export * from './get-history';
export * from './history-entry';
export * from './record-activity';
export * from './record-event-activity';
export * from './resolve-history-subjects';
export * from './stripe-event-subjects';
