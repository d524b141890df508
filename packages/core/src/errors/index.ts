export * from './classify-error';
export * from './permanent-error';
