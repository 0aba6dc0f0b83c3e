import { InBodyError } from "./errors.js";
import type { BodyCheck } from "./types.js";

export type { BodyCheck } from "./types.js";

/**
 * The spec's `x-error-flag`: a 2xx body whose `property` is `true` is an `InBodyError` carrying the `message` field
 * (CycleSoftware's `error: true` with `error_message`). Generated only into operations whose spec has the flag, so
 * the others carry none of this.
 */
export function errorFlag(property: string, message?: string): BodyCheck {
  return (data, redact) => {
    const body = data as Record<string, unknown> | null;
    if (body?.[property] !== true) return undefined;
    const said = message && body[message];
    const errorMessage = typeof said === "string" ? said : undefined;
    return [
      InBodyError,
      ` but its body reports an error (${property}: true): ${errorMessage ?? "no message"}`,
      { errorMessage: errorMessage && redact().text(errorMessage) },
    ];
  };
}
