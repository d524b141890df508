// Moved to core, so the api uses the same per-workspace clients; kept here for the worker's imports.
export { createWorkspaceStripe, type WorkspaceStripe } from '@licensync/core/connections';
