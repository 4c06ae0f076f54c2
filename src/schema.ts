import type { PlatformTables } from './platform/database/tables.ts';
import type { ProcessTables } from './capabilities/processes/db/tables.ts';
import type { ParticipantTables } from './capabilities/participants/db/tables.ts';
import type { GroupTables } from './capabilities/groups/db/tables.ts';
import type { ConsensusTables } from './capabilities/consensus/db/tables.ts';
import type { DocumentTables } from './capabilities/documents/db/tables.ts';
import type { SearchTables } from './capabilities/search/db/tables.ts';
import type { LiveTables } from './platform/live/tables.ts';
import type { MeetingTables } from './capabilities/meetings/db/tables.ts';
import type { SpeakingQueueTables } from './capabilities/speaking-queue/db/tables.ts';
import type { PublicCommentTables } from './capabilities/public-comment/db/tables.ts';
import type { JobTables } from './platform/jobs/tables.ts';

/** Every table Concert has, one timeline (db/migrations), typed for Kysely. */
export interface Database
  extends PlatformTables,
    ProcessTables,
    ParticipantTables,
    GroupTables,
    ConsensusTables,
    DocumentTables,
    SearchTables,
    LiveTables,
    MeetingTables,
    SpeakingQueueTables,
    PublicCommentTables,
    JobTables {}
