import { OptionError } from "./errors.js";
import type { Operation } from "./types.js";

/**
 * The JSON body with a call's `extraBody` fields added. Both are already JSON text, each checked on its own, so the
 * body is never serialized twice; only the key comparison reads them back, and only on a call that has extras. An
 * operation that sends no body never gets here (`prepareCall` refuses its extraBody).
 */
export function withExtraBody(operation: Operation, body: string | undefined, extra: string): string {
  if (body === undefined || body === "{}") return extra;
  if (extra === "{}") return body;
  const sent = JSON.parse(body) as Record<string, unknown>;
  for (const key of Object.keys(JSON.parse(extra))) {
    if (Object.hasOwn(sent, key)) {
      throw new OptionError(operation.id, `extraBody.${key}`, "is also a field of the body: set it in one place");
    }
  }
  return `${body.slice(0, -1)},${extra.slice(1)}`;
}
