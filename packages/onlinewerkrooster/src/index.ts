export * from "@clientele/core";
export * from "./generated/client.js";
export * from "./generated/models.js";
export * from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
