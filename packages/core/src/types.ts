/** Type helpers the generated operations use to name their inputs and results from openapi-typescript output. */

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

/** A vendor's rate-limit headers, read into numbers. Absent or unreadable headers stay undefined. */
export interface RateLimit {
  minuteLimit?: number;
  minuteRemaining?: number;
  dayLimit?: number;
  dayRemaining?: number;
  /** When the daily budget refills. */
  dayReset?: Date;
}
