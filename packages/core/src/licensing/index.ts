export * from './plan-license-drafts';
export * from './to-license-draft';
