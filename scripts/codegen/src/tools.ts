// openapi-typescript and TypeScript, loaded through `require`: their CommonJS builds load in about half the time of
// an ESM import, which must first scan TypeScript's 9 MB file for its export names.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const loadOpenapiTypescript = (): typeof import("openapi-typescript") => require("openapi-typescript");
export const loadTypescript = (): typeof import("typescript") => require("typescript");
