export * from './hash-license-user-password';
export * from './set-license-user-password';
