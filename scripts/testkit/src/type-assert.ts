/**
 * Compile-time assertions for the `test/types.check.ts` files, which `tsc -p .` checks and nothing runs.
 * Pure types: importing this module has no run-time effect.
 */

/** True only when A and B are the same type (not merely mutually assignable, so `any` never passes). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails to compile unless T is `true`. */
export type Expect<T extends true> = T;
