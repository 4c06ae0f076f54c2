import type { Generated } from 'kysely';
import type { Locale, Localized } from '../../../kernel/localized.ts';
import type { Json, JsonDefault, Timestamp } from '../../../platform/database/tables.ts';

export type Moderation = 'pre' | 'post';
export type CommentStatus = 'unverified' | 'pending' | 'published' | 'hidden';
export type DispositionKind = 'accepted' | 'partly-accepted' | 'not-accepted' | 'out-of-scope';
export type ReportStatus = 'open' | 'upheld' | 'dismissed';

export interface CommentPeriodsTable {
  id: Generated<number>;
  processId: number;
  documentId: number;
  versionNumber: number;
  startsAt: Timestamp;
  endsAt: Timestamp;
  timeZone: string;
  languagesLiveAt: Timestamp | null;
  openedAt: Timestamp | null;
  closedAt: Timestamp | null;
  allowAnonymous: Generated<boolean>;
  requireVerifiedEmail: Generated<boolean>;
  moderation: Generated<Moderation>;
  policy: JsonDefault<Localized>;
  createdBy: number | null;
  createdAt: Generated<Date>;
}

export interface CommentClustersTable {
  id: Generated<number>;
  periodId: number;
  keyCommentId: number;
  size: number;
  signatories: number;
  template: string;
  templateLang: Locale;
  updatedAt: Generated<Date>;
}

export interface PublicCommentsTable {
  id: Generated<number>;
  periodId: number;
  receipt: string;
  idempotencyKey: string | null;
  anchor: string | null;
  versionNumber: number;
  name: string | null;
  anonymous: Generated<boolean>;
  organization: string | null;
  categoryKey: string;
  email: string | null;
  emailVerifiedAt: Timestamp | null;
  verifyTokenHash: string | null;
  lang: Locale;
  body: string;
  signatories: Generated<number>;
  source: Generated<'web' | 'import'>;
  status: Generated<CommentStatus>;
  moderationReason: string | null;
  moderatedBy: number | null;
  moderatedAt: Timestamp | null;
  clusterId: number | null;
  signature: Buffer | null;
  processedAt: Timestamp | null;
  ipHash: string | null;
  createdAt: Generated<Date>;
}

export interface CommentSignatoriesTable {
  commentId: number;
  position: number;
  name: string;
  organization: string | null;
}

export interface CommentAttachmentsTable {
  id: Generated<number>;
  commentId: number;
  filename: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  createdAt: Generated<Date>;
}

export interface CommentReportsTable {
  id: Generated<number>;
  commentId: number;
  reporterName: string;
  reporterEmail: string;
  reason: string;
  status: Generated<ReportStatus>;
  note: string | null;
  handledBy: number | null;
  handledAt: Timestamp | null;
  createdAt: Generated<Date>;
}

export interface CommentDispositionsTable {
  id: Generated<number>;
  periodId: number;
  commentId: number | null;
  clusterKey: number | null;
  kind: DispositionKind;
  reason: JsonDefault<Localized>;
  changedAnchor: string | null;
  changedVersion: number | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: Timestamp;
}

export interface WhatWeHeardReportsTable {
  id: Generated<number>;
  periodId: number;
  snapshot: Json<Record<string, unknown>>;
  publishedBy: number | null;
  publishedAt: Timestamp;
}

export interface PublicCommentTables {
  commentPeriods: CommentPeriodsTable;
  commentClusters: CommentClustersTable;
  publicComments: PublicCommentsTable;
  commentSignatories: CommentSignatoriesTable;
  commentAttachments: CommentAttachmentsTable;
  commentReports: CommentReportsTable;
  commentDispositions: CommentDispositionsTable;
  whatWeHeardReports: WhatWeHeardReportsTable;
}
