import type { CustomObjectSchema } from './crm-types';
import type { PortalStore } from './portal-store';

/** Spec `ObjectSchema`: the stored schema plus its current property definitions. */
export function toObjectSchema(portal: PortalStore, schema: CustomObjectSchema) {
  return { ...schema, properties: [...portal.propertiesOf(schema.objectTypeId).values()] };
}
