import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { Meeting } from './meeting.ts';

export type AttendanceMode = 'in-room' | 'online';
export type AttendanceMark = AttendanceMode | 'absent';

export type AttendanceRefusal = 'not-allowed' | 'not-started' | 'cancelled' | 'nothing-to-record';

/** Attendance is taken per person once the meeting has begun (and may be corrected afterwards). */
export function checkAttendance(
  m: Pick<Meeting, 'status'>,
  allowed: boolean,
  marks: ReadonlyArray<{ participantId: number; mark: AttendanceMark }>,
): Result<null, AttendanceRefusal> {
  if (!allowed) return refuse('not-allowed');
  if (m.status === 'cancelled') return refuse('cancelled');
  if (m.status === 'scheduled') return refuse('not-started');
  if (marks.length === 0) return refuse('nothing-to-record');
  return ok(null);
}

/** What changes: marks that differ from what is recorded. */
export function attendanceChanges(
  recorded: ReadonlyMap<number, AttendanceMode>,
  marks: ReadonlyArray<{ participantId: number; mark: AttendanceMark }>,
): Array<{ participantId: number; mark: AttendanceMark }> {
  return marks.filter((x) => (recorded.get(x.participantId) ?? 'absent') !== x.mark);
}

export type AttendanceCounts = { inRoom: number; online: number; total: number; byCategory: Array<{ key: string; inRoom: number; online: number }> };

/** Counted by mode and by stakeholder category; every category listed, government among others. */
export function countAttendance(rows: ReadonlyArray<{ mode: AttendanceMode; categoryKey: string }>, categoryKeys: readonly string[]): AttendanceCounts {
  const by = new Map<string, { inRoom: number; online: number }>(categoryKeys.map((k) => [k, { inRoom: 0, online: 0 }]));
  let inRoom = 0;
  let online = 0;
  for (const r of rows) {
    const x = by.get(r.categoryKey) ?? { inRoom: 0, online: 0 };
    if (r.mode === 'in-room') {
      inRoom++;
      x.inRoom++;
    } else {
      online++;
      x.online++;
    }
    by.set(r.categoryKey, x);
  }
  return { inRoom, online, total: inRoom + online, byCategory: [...by].map(([key, x]) => ({ key, ...x })) };
}
