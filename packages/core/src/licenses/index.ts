export * from './get-license';
export * from './license-details';
export * from './list-licenses';
export * from './reissue-license-key';
export * from './set-license-enabled';
