/** Type helpers the generated operations use to name their inputs and results from openapi-typescript output. */
import type { RequestOptions } from "./transport.js";

type Json<Content> = Content extends { "application/json": infer T }
  ? T
  : Content extends { "text/plain": infer T }
    ? T
    : never;

export type JsonBody<Op> = Op extends { requestBody: { content: infer C } }
  ? Json<C>
  : Op extends { requestBody?: { content: infer C } }
    ? Json<C> | undefined
    : never;

export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? Q : never;

export type PathOf<Op> = Op extends { parameters: { path: infer P } } ? P : never;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

/** The body of the 2xx responses; `undefined` where the spec documents none. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R & SuccessStatus]: R[S] extends { content: infer C } ? Json<C> : undefined;
    }[keyof R & SuccessStatus]
  : never;

declare const forbidden: unique symbol;

/**
 * The type of a field the spec forbids in a body (`not: {}`). No value has it, so setting the field is a compile
 * error whose text carries `Why`: `Type 'number' is not assignable to type 'Forbidden<"customer_id is not sent
 * in updateCustomer's body: …">'`.
 */
export type Forbidden<Why extends string> = { readonly [forbidden]: Why };

/**
 * The `extraBody` of a call: fields the spec does not name, for a vendor's undocumented or per-account fields. A
 * field the body type names must go in the body, where its type is checked.
 */
export type ExtraBody<Body> = { [field: string]: unknown } & {
  [K in keyof Body]?: NonNullable<Body[K]> extends Forbidden<string>
    ? Body[K]
    : Forbidden<`${K & string} is a typed field: set it in the body, not in extraBody`>;
};

/** Per-call options of an operation that sends a JSON body. */
export interface BodyRequestOptions<Body> extends RequestOptions {
  /**
   * Fields the spec does not name, merged into the JSON body as sent (Stainless' `extra_body`): a vendor's
   * undocumented fields, or Cube4sales' assignment-specific ones. Values are sent as JSON, as the body's are. A field
   * the body also holds is an `OptionError` (set it in one place); one the body type names is a compile error.
   */
  extraBody?: ExtraBody<Body>;
}

/** A vendor's rate-limit headers, read into numbers. Absent or unreadable headers stay undefined. */
export interface RateLimit {
  minuteLimit?: number;
  minuteRemaining?: number;
  dayLimit?: number;
  dayRemaining?: number;
  /** When the daily budget refills. */
  dayReset?: Date;
}
