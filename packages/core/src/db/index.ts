export * from './assert-migrated';
export * from './client';
export * from './delete-in-batches';
export * from './ensure-database';
export * from './is-uuid';
export * from './migrate';
export * from './upsert-if-newer';
