export * from './record-activity';
