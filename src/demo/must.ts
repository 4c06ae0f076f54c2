/** A demo step that must succeed: its refusal stops the seed with the step's name. */
export function must<T>(r: { ok: true; value: T } | { ok: false; refusal: string }, what: string): T {
  if (!r.ok) throw new Error(`demo seed: ${what} refused (${r.refusal})`);
  return r.value;
}
