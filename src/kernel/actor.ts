/** Who is acting. Permission rules take this, never a request. */
export type Actor = { readonly kind: 'anonymous' } | { readonly kind: 'user'; readonly userId: number; readonly name: string; readonly isAdmin: boolean };

export const anonymous: Actor = { kind: 'anonymous' };

export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
