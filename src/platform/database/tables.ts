import type { ColumnType, Generated } from 'kysely';

// Platform tables. Column names are snake_case in SQL, camelCase here
// (Kysely's CamelCasePlugin maps them).

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default: optional on insert. */
export type JsonDefault<T> = ColumnType<T, string | T | undefined, string | T>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  isAdmin: Generated<boolean>;
  locale: Generated<'en' | 'fr'>;
  createdAt: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<number>;
  tokenHash: string;
  userId: number;
  createdAt: Generated<Date>;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  userAgent: string | null;
}

export interface SignInTokensTable {
  id: Generated<number>;
  tokenHash: string;
  email: string;
  nextPath: string | null;
  createdAt: Generated<Date>;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  windowStart: Timestamp;
  count: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  processId: number | null;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Json<Record<string, unknown>>;
  createdAt: Generated<Date>;
}

export interface PlatformTables {
  users: UsersTable;
  sessions: SessionsTable;
  signInTokens: SignInTokensTable;
  rateLimits: RateLimitsTable;
  auditEvents: AuditEventsTable;
}
