import { InvalidInputError, kindOf, OptionError, unknownOption, wholeNumber } from "./errors.js";
import type { Operation, RequestOptions, TransportSettings } from "./types.js";

/** Throws an `OptionError` naming `owner` (an operation, or a factory) and the option when `value` is wrong. */
type Check = (owner: string, option: string, value: unknown) => void;

/**
 * Every per-call option with its check, run on a value that is not `undefined` (which means "the client's
 * default"). A new option is one line here plus its field in `RequestOptions`. A factory checks its `headers` with
 * the same entry.
 */
export const CALL_OPTIONS = {
  // Checked by shape, so a signal from another realm or a polyfill passes; null means none, as it does for fetch.
  signal: (id, option, value) => {
    const signal = value as AbortSignal | null;
    if (signal !== null && (typeof signal.aborted !== "boolean" || typeof signal.addEventListener !== "function")) {
      throw new OptionError(id, option, `must be an AbortSignal; got ${kindOf(value)}`);
    }
  },
  headers: (id, option, value) => {
    if (!isPlainObject(value)) throw new OptionError(id, option, "must be an object of header names to string values");
  },
  timeout: (id, option, value) => wholeNumber(id, option, value, 1),
  maxRetries: (id, option, value) => wholeNumber(id, option, value, 0),
  maxResponseBytes: (id, option, value) => wholeNumber(id, option, value, 0),
  extraBody: (id, option, value) => {
    if (!isPlainObject(value))
      throw new OptionError(id, option, `must be an object of body fields; got ${kindOf(value)}`);
  },
} satisfies Record<string, Check>;

/** A request as the caller's inputs make it, every input checked: nothing is sent when one is wrong. */
export interface PreparedCall {
  url: string;
  headers: Record<string, string>;
  /** The JSON text sent, which is also what redaction reads (never the live object). */
  body: string | undefined;
  /** The values of credential headers the call sets itself: secrets for this call's errors and logs. */
  secrets: string[];
  signal: AbortSignal | undefined;
}

/** An object of names to values: not an array, a Map, a Date, a string, a Headers… (works across realms). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === "[object Object]";
}

/**
 * Checks one header and returns its name in lower case. fetch would reject a bad one with a message quoting the
 * value, which may be a credential; this message never quotes it.
 */
export function checkHeader(owner: string, name: string, value: unknown): string {
  // An RFC 9110 token: what a header name may hold.
  if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) {
    throw new OptionError(owner, "headers", `has an invalid name ${JSON.stringify(name)}`);
  }
  // What fetch accepts in a value: no line breaks or other control characters, nothing beyond Latin-1.
  if (typeof value !== "string" || !/^[\t\x20-\x7e\x80-\xff]*$/.test(value)) {
    throw new OptionError(owner, `headers.${name}`, "must be a string without line breaks or non-Latin-1 characters");
  }
  return name.toLowerCase();
}

/**
 * Serializes a call's JSON body together with its (already checked) `extraBody` option. The generated function of an
 * operation that takes a body passes `jsonBody`; the others pass none, so they carry no body code.
 */
export type BodyEncoder = (operation: Operation, body: unknown, extraBody: object | undefined) => string | undefined;

export function prepareCall(
  transport: { settings: TransportSettings; jsonHeaders: Record<string, string> },
  operation: Operation,
  path: string | (() => string),
  options: RequestOptions | undefined,
  encodeBody: BodyEncoder | undefined,
  body: unknown,
): PreparedCall {
  const { settings } = transport;
  const { id } = operation;
  const secrets: string[] = [];
  const extra = (options as { extraBody?: object } | null | undefined)?.extraBody;
  // The encoder returns text whenever there is a body or an extraBody to send (or throws).
  let headers = encodeBody && (body !== undefined || extra !== undefined) ? transport.jsonHeaders : settings.headers;
  if (options != null) {
    if (!isPlainObject(options as unknown))
      throw new OptionError(id, "options", `must be an object; got ${kindOf(options)}`);
    for (const name of Object.keys(options)) {
      const check = (CALL_OPTIONS as Record<string, Check | undefined>)[name];
      if (!check) throw unknownOption(id, name, Object.keys(CALL_OPTIONS), "a call");
      const value = options[name as keyof RequestOptions];
      if (value !== undefined) check(id, name, value);
    }
    if (options.headers) {
      // fetch never changes the headers it is given, so a call without headers of its own shares the client's.
      headers = { ...headers };
      for (const [name, value] of Object.entries(options.headers as Record<string, unknown>)) {
        // Like fetch wrappers (Stainless, ky): undefined leaves the client's header as it is, null removes it.
        if (value === undefined) continue;
        if (value === null) delete headers[name.toLowerCase()];
        else {
          const lower = checkHeader(id, name, value);
          headers[lower] = value as string;
          if (settings.credentialHeaders.has(lower)) secrets.push(value as string);
        }
      }
    }
  }
  const url = settings.baseUrl + (typeof path === "string" ? path : path());
  // The one check of extraBody on an operation without a body: generated code passes `jsonBody` exactly where the
  // operation's constant has `body`.
  if (!encodeBody && extra !== undefined) {
    throw new OptionError(id, "extraBody", `adds fields to a JSON body, and ${id} sends none`);
  }
  return {
    url,
    headers,
    body: encodeBody?.(operation, body, extra),
    secrets,
    signal: options?.signal ?? undefined,
  };
}

/**
 * What an operation that takes a body sends: `body` as JSON, with the fields of the call's `extraBody` added. The body
 * must be an object (every spec's bodies are; the generator refuses others). What JSON would silently lose is refused
 * instead: a Map or Set (sent as `{}`), NaN or Infinity (sent as `null`).
 */
export function jsonBody(operation: Operation, body: unknown, extraBody: object | undefined): string | undefined {
  const { id } = operation;
  let text: string | undefined;
  if (body !== undefined) {
    text = isPlainObject(body) ? toJson(id, body, "body") : undefined;
    // A class instance (an ORM record) is fine as long as its JSON form is an object.
    if (text?.[0] !== "{") throw new InvalidInputError(id, "body", `must be an object; got ${kindOf(body)}`, "body");
  } else if (operation.body === "required") {
    throw new InvalidInputError(id, "body", "is required: an object", "body");
  }
  if (extraBody === undefined) return text;
  // Both are JSON text, each checked on its own, so the body is never serialized twice; only the key comparison
  // reads them back, and only on a call that has extras.
  const extra = toJson(id, extraBody, "extraBody") as string;
  if (text === undefined || text === "{}") return extra;
  if (extra === "{}") return text;
  const sent = JSON.parse(text) as Record<string, unknown>;
  for (const key of Object.keys(JSON.parse(extra))) {
    if (Object.hasOwn(sent, key)) {
      throw new OptionError(id, `extraBody.${key}`, "is also a field of the body: set it in one place");
    }
  }
  return `${text.slice(0, -1)},${extra.slice(1)}`;
}

/** `input` names what is serialized in errors: the `body`, or the `extraBody` option. */
function toJson(id: string, value: object, input: "body" | "extraBody"): string | undefined {
  const Refusal = input === "body" ? InvalidInputError : OptionError;
  try {
    return JSON.stringify(value, (key: string, field: unknown) => {
      if (typeof field === "number" ? !Number.isFinite(field) : field instanceof Map || field instanceof Set) {
        throw new Refusal(
          id,
          `${input}.${key}`,
          `is ${kindOf(field)}, which JSON cannot carry: it would arrive as ${typeof field === "number" ? "null" : "{}"}`,
          `${input} field "${key}"`,
        );
      }
      return field;
    });
  } catch (error) {
    if (error instanceof OptionError) throw error;
    throw new Refusal(
      id,
      input,
      `cannot be sent as JSON: ${String((error as Error).message).replace(/\s+/g, " ")}`,
      // The body is named as such; extraBody as the option it is (OptionError's own wording).
      input === "body" ? input : undefined,
    );
  }
}
