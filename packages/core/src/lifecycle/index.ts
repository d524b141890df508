export * from './close-in-order';
