import type { Db } from '../database/connect.ts';

export type NewUser = { email: string; name: string; isAdmin: boolean; locale?: 'en' | 'fr' };

export class EmailTaken extends Error {}

/** Creates an account (operators: `concert user create`; the demo seed). */
export async function createUser(db: Db, u: NewUser): Promise<{ id: number }> {
  const email = u.email.trim().toLowerCase();
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', [eb.ref('email')]), '=', email))
    .executeTakeFirst();
  if (exists) throw new EmailTaken(`An account with the email ${email} already exists.`);
  return db
    .insertInto('users')
    .values({ email, name: u.name.trim(), isAdmin: u.isAdmin, locale: u.locale ?? 'en' })
    .returning('id')
    .executeTakeFirstOrThrow();
}
