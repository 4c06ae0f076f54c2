// The domain returns values; only the edges throw. A refusal names why, so the
// handler must deal with every case and the compiler checks that it does.
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Refusal<R extends string> = { readonly ok: false; readonly refusal: R };
export type Result<T, R extends string> = Ok<T> | Refusal<R>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const refuse = <R extends string>(refusal: R): Refusal<R> => ({ ok: false, refusal });

/** Exhaustiveness guard for switch statements over refusals. */
export function unreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
