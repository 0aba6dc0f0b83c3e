// Classifies the changes between two versions of an OpenAPI 3.1 spec with api-smart-diff, and says which release
// bump they need. Our own code only chooses which of its diffs count and adjusts the few classifications whose
// meaning differs for a generated client:
// - diffs inside components are dropped unless a whole component is added or removed: api-smart-diff resolves
//   every $ref into the operations that use it and classifies the change there, knowing whether it sits in a
//   request or a response; inside components it cannot know, and calls e.g. a narrowed response enum breaking.
//   A whole schema matters on its own: models.ts exports a type per component schema.
// - an operationId names a generated function and client method: renaming or removing one breaks callers.
// - our x- extensions: documentation ones are annotations; runtime ones change what the client does.
import { apiCompare } from "api-smart-diff";
import type { OpenAPI3 } from "openapi-typescript";
import { type Bump, maxBump } from "./changesets.ts";

export type ChangeType = "breaking" | "non-breaking" | "deprecated" | "unclassified" | "annotation";

export interface ApiChange {
  type: ChangeType;
  /** e.g. `DELETE /customers/{id}` or `components.schemas.Customer` */
  where: string;
  /** api-smart-diff's wording */
  description: string;
}

/** The bump each kind of change needs: what users must be told by the version number. */
export const REQUIRED_BUMP: Record<ChangeType, Bump> = {
  breaking: "major",
  "non-breaking": "minor",
  deprecated: "minor",
  // api-smart-diff could not tell: never assume harmless.
  unclassified: "minor",
  annotation: "patch",
};

// By action: [added, removed, replaced]. Documentation extensions first, then those the generator reads.
const EXTENSIONS: Record<string, [ChangeType, ChangeType, ChangeType]> = {
  "x-inferred": ["annotation", "annotation", "annotation"],
  "x-origin": ["annotation", "annotation", "annotation"],
  "x-audit-status-diagram": ["annotation", "annotation", "annotation"],
  "x-scopes": ["annotation", "annotation", "annotation"],
  "x-idempotent": ["non-breaking", "non-breaking", "non-breaking"],
  "x-sensitive": ["non-breaking", "non-breaking", "non-breaking"],
  "x-rate-limit": ["non-breaking", "non-breaking", "non-breaking"],
  "x-pagination": ["non-breaking", "breaking", "breaking"],
  // These move a value between the factory's options and the method's arguments.
  "x-client-option": ["breaking", "breaking", "breaking"],
  "x-environment": ["breaking", "breaking", "breaking"],
};
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * @param before the spec at the last release (parsed)
 * @param after  the spec now (parsed)
 */
export function classifyApiChanges(
  before: OpenAPI3,
  after: OpenAPI3,
): { changes: ApiChange[]; required: Bump | undefined } {
  // apiCompare rewrites its arguments while resolving $refs: a caller's spec must come back untouched.
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const changes: ApiChange[] = [];
  const seen = new Set();
  for (const diff of diffs) {
    const path = diff.path.map(String);
    if (path[0] === "components" && path.length > 3) continue;
    const type = reclassify(path, diff.action, diff.type as ChangeType);
    const change = { type, where: where(path), description: diff.description || `[${diff.action}] ${path.join(".")}` };
    const key = `${change.type}|${change.where}|${change.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push(change);
  }
  const required = changes.reduce(
    (highest: Bump | undefined, change) => maxBump(highest, REQUIRED_BUMP[change.type]),
    undefined,
  );
  return { changes, required };
}

function reclassify(path: string[], action: string, type: ChangeType): ChangeType {
  const index = action === "add" ? 0 : action === "remove" ? 1 : 2;
  const extension = path.find((segment) => segment.startsWith("x-"));
  const rule = extension === undefined ? undefined : EXTENSIONS[extension];
  if (rule) return rule[index];
  const isOperationId = path[0] === "paths" && path.length === 4 && path[3] === "operationId";
  if (isOperationId) return action === "add" ? "non-breaking" : "breaking";
  return type;
}

/** `paths./customers/{id}.delete.…` → `DELETE /customers/{id}`. */
function where(path: string[]): string {
  if (path[0] !== "paths" || path[1] === undefined) return path.slice(0, 3).join(".");
  const method = path[2];
  return method && HTTP_METHODS.has(method) ? `${method.toUpperCase()} ${path[1]}` : path[1];
}
