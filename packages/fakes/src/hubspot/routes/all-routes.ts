import type { Route } from '../http/route';
import { accountInfoRoutes } from './account-info.routes';
import { actionCallbackRoutes } from './action-callbacks.routes';
import { associationBatchRoutes } from './associations-batch.routes';
import { associationSingleRoutes } from './associations-single.routes';
import { objectBasicRoutes } from './objects-basic.routes';
import { objectBatchReadRoutes } from './objects-batch-read.routes';
import { objectBatchWriteRoutes } from './objects-batch-write.routes';
import { objectSearchRoutes } from './objects-search.routes';
import { propertyRoutes } from './properties.routes';
import { schemaRoutes } from './schemas.routes';

/** Every endpoint the fake answers; anything else is a 404. */
export const ALL_ROUTES: Route[] = [
  ...accountInfoRoutes,
  ...schemaRoutes,
  ...propertyRoutes,
  ...objectBatchWriteRoutes,
  ...objectBatchReadRoutes,
  ...objectSearchRoutes,
  ...objectBasicRoutes,
  ...associationBatchRoutes,
  ...associationSingleRoutes,
  ...actionCallbackRoutes,
];
