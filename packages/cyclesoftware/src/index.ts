// `modified_since` takes `YYYY-MM-DD HH:MM:SS` in a time zone the vendor's document does not name.
export * from "@clientele/core";
export * from "./generated/client.js";
export * from "./generated/models.js";
export * from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
