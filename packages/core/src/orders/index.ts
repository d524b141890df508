export * from './find-or-create-order';
