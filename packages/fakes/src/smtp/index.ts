export * from './start-mail-sink';
