export * from './create-operator-key';
export * from './find-operator-key';
export * from './revoke-operator-key';
