// The portal rewrites spec elements of every kind (operations, schemas, parameters, servers) through one walk, so it
// sees them as plain objects and checks each field it reads; the typed OpenAPI view is for the document as a whole.

/** Any object in an OpenAPI document. */
export type SpecNode = { [key: string]: unknown };

export const isSpecNode = (value: unknown): value is SpecNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);
