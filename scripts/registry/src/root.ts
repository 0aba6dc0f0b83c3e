import { fileURLToPath } from "node:url";

/** The checkout's root folder (where `redocly.yaml` and `pnpm-workspace.yaml` are), whatever the working directory. */
export const repoRoot: string = fileURLToPath(new URL("../../..", import.meta.url));
