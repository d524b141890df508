export * from './classify-error';
export * from './conflict-error';
export * from './invalid-input-error';
export * from './not-found-error';
export * from './permanent-error';
export * from './unprocessable-error';
