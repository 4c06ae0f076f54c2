import type { Actor } from '../kernel/actor.ts';
import { manualClock, type Clock } from '../kernel/clock.ts';
import type { Localized } from '../kernel/localized.ts';
import type { Db } from '../platform/database/connect.ts';
import { bodyBySlug } from '../capabilities/groups/index.ts';
import {
  addAgendaItem,
  approveMinutes,
  changeMeetingStatus,
  editMeeting,
  meetingById,
  recordAttendance,
  registerForMeeting,
  saveMinutes,
  scheduleMeeting,
  setCurrentItem,
  type MeetingInput,
} from '../capabilities/meetings/index.ts';
import { listParticipants, type ParticipantListing } from '../capabilities/participants/index.ts';
import { proposalsOf } from '../capabilities/consensus/index.ts';
import { documentsOf } from '../capabilities/documents/index.ts';
import type { Process } from '../capabilities/processes/index.ts';
import { addInRoomHand, endTurn, giveFloor, raiseHand, setPolicy, setQueueOpen, setTimeLimit } from '../capabilities/speaking-queue/index.ts';
import { meetings as facts, type Demo } from './meetings-data.ts';
import { must } from './must.ts';

// The demo's meetings, built through the same commands people use (so they
// carry a real activity log). Facts from the seeds: bi-weekly webinars, the
// in-person plenaries, the face-to-face session at the Canadian IGF venue on
// 28 February 2019, the final meeting in Ottawa on 18 April 2019 where the
// action committee was created. Times, agendas beyond those facts, speakers
// and attendance are illustrative and say so; the people are the demo's
// fictional participants.

const asActor = (p: ParticipantListing): Actor => ({ kind: 'user', userId: p.userId, name: p.displayName, isAdmin: false });

export async function seedMeetings(deps: { db: Db; clock: Clock }, convener: Actor, process: Process): Promise<void> {
  const { db } = deps;
  const msg = (await bodyBySlug(db, process.id, 'multistakeholder-group'))!;
  const people = (await listParticipants(db, process.id)).filter((p) => !p.displayName.endsWith('(demo)'));
  // A clock that walks through 2018–2019, so the record carries the dates it would have had.
  const then = manualClock(new Date('2018-04-16T12:00:00Z'));
  const past = { db, clock: then };
  const at = (iso: string) => then.set(new Date(iso));

  const schedule = async (d: Demo, repeat: { intervalWeeks: number; count: number } | null = null) => {
    const body = d.body === 'msg' ? msg : (await bodyBySlug(db, process.id, d.body))!;
    const input: MeetingInput = { ...d.input, timeZone: process.timeZone };
    return must(await scheduleMeeting(past, convener, process, body, input, repeat), `schedule ${d.input.title.en}`).meetingIds;
  };
  const meeting = async (id: number) => (await meetingById(db, process.id, id))!;
  const agenda = async (id: number, items: ReadonlyArray<{ title: Localized; minutes: number; presenter?: string }>) => {
    const ids: number[] = [];
    for (const i of items)
      ids.push(
        must(await addAgendaItem(past, convener, process, await meeting(id), { title: i.title, durationMinutes: i.minutes, presenter: i.presenter ?? null, links: [] }), 'agenda')
          .itemId,
      );
    return ids;
  };
  /** Holds a past meeting: start, turns from the queue (illustrative), attendance, end, minutes approved. */
  const hold = async (id: number, o: { start: string; end: string; speakers?: number[]; present?: number; minutes?: Localized; itemIds?: number[]; gapMinutes?: number }) => {
    at(o.start);
    must(await changeMeetingStatus(past, convener, process, await meeting(id), 'start'), 'start');
    if (o.itemIds?.length) must(await setCurrentItem(past, convener, process, await meeting(id), o.itemIds[0]!), 'item');
    if (o.speakers?.length) {
      must(await setQueueOpen(past, convener, process, await meeting(id), true), 'open queue');
      for (const [n, i] of o.speakers.entries()) {
        then.advance(60_000);
        must(await raiseHand(past, asActor(people[i % people.length]!), process, await meeting(id)), 'raise');
        if (n === Math.floor(o.speakers.length / 2) && o.itemIds && o.itemIds[1]) must(await setCurrentItem(past, convener, process, await meeting(id), o.itemIds[1]), 'item');
        must(await giveFloor(past, convener, process, await meeting(id), { entryId: null, reason: null }), 'floor');
        then.advance((2 + ((i * 37) % 5)) * 60_000 + ((i * 13) % 50) * 1000);
        must(await endTurn(past, convener, process, await meeting(id)), 'end turn');
        // Discussion between turns, presentations: the log shows time passing (illustrative).
        then.advance(((o.gapMinutes ?? 3) + (i % 4)) * 60_000);
      }
    }
    if (o.present) {
      const marks = people.slice(0, o.present).map((p, i) => ({ participantId: p.id, mark: i % 4 === 3 ? ('online' as const) : ('in-room' as const) }));
      must(await recordAttendance(past, convener, process, await meeting(id), marks), 'attendance');
    }
    at(o.end);
    must(await changeMeetingStatus(past, convener, process, await meeting(id), 'end'), 'end');
    if (o.minutes) {
      must(await saveMinutes(past, convener, process, await meeting(id), o.minutes), 'minutes');
      then.advance(7 * 86_400_000);
      must(await approveMinutes(past, convener, process, await meeting(id)), 'approve minutes');
    }
  };

  // Kick-off: rules of engagement and the definition of consensus adopted.
  const [kickoff] = await schedule(facts.kickoff);
  const kickoffItems = await agenda(kickoff!, facts.kickoff.agenda);
  await hold(kickoff!, { start: '2018-04-16T13:00:00Z', end: '2018-04-16T21:00:00Z', present: 24, minutes: facts.kickoff.minutes!, itemIds: kickoffItems });

  // Bi-weekly webinars, a series; one cancelled over the holidays, one moved (illustrative).
  const webinars = await schedule(facts.webinars, { intervalWeeks: 2, count: 12 });
  at('2018-12-01T15:00:00Z');
  must(await changeMeetingStatus(past, convener, process, await meeting(webinars[6]!), 'cancel'), 'cancel webinar');
  must(
    await editMeeting(past, convener, process, msg, await meeting(webinars[8]!), {
      ...facts.webinars.input,
      timeZone: process.timeZone,
      date: '2019-01-31',
      startTime: '14:00',
      endTime: '15:00',
      title: facts.movedWebinar,
    }),
    'move webinar',
  );
  for (const [n, id] of webinars.entries()) {
    const m = await meeting(id);
    if (m.status !== 'scheduled') continue;
    await hold(id, { start: m.startsAt.toISOString(), end: m.endsAt.toISOString(), speakers: n % 3 === 0 ? [n + 1, n + 4, n + 7] : undefined, present: 8 + (n % 5) });
  }

  // Working groups met in virtual roundtables (illustrative).
  for (const wg of facts.roundtables) {
    const [id] = await schedule(wg);
    const m = await meeting(id!);
    await hold(id!, { start: m.startsAt.toISOString(), end: m.endsAt.toISOString(), present: 6 });
  }

  // 28 February 2019: face-to-face, at the Canadian IGF venue the day after its IoT labels panel.
  const [f2f] = await schedule(facts.faceToFace);
  const f2fItems = await agenda(f2f!, facts.faceToFace.agenda);
  await hold(f2f!, {
    start: '2019-02-28T14:00:00Z',
    end: '2019-02-28T21:30:00Z',
    speakers: [2, 5, 8, 11, 14, 17, 20],
    gapMinutes: 30,
    present: 28,
    itemIds: f2fItems,
    minutes: facts.faceToFace.minutes!,
  });

  // 18 April 2019, Ottawa: the report wrapped up, the action committee created.
  const [final] = await schedule(facts.final);
  const finalItems = await agenda(final!, facts.final.agenda);
  await hold(final!, {
    start: '2019-04-18T13:00:00Z',
    end: '2019-04-18T20:00:00Z',
    speakers: [0, 2, 3, 5, 6, 9, 12, 14, 18, 21],
    gapMinutes: 25,
    present: 30,
    itemIds: finalItems,
    minutes: facts.final.minutes!,
  });

  // A demo meeting in progress now, so a newcomer can try the live room, and one coming up.
  const now = deps.clock.now();
  const local = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: process.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  const parts = (d: Date) => Object.fromEntries(local(d).map((p) => [p.type, p.value]));
  const start = parts(new Date(now.getTime() - 10 * 60_000));
  const end = parts(new Date(now.getTime() + 110 * 60_000));
  const sameDay = start.day === end.day;
  const demo = must(
    await scheduleMeeting(
      deps,
      convener,
      process,
      msg,
      {
        ...facts.demoNow.input,
        timeZone: process.timeZone,
        date: `${start.year}-${start.month}-${start.day}`,
        startTime: `${start.hour}:${start.minute}`,
        endTime: sameDay ? `${end.hour}:${end.minute}` : '23:59',
      },
      null,
    ),
    'demo meeting',
  ).meetingIds[0]!;
  const live = manualClock(new Date(now.getTime() - 10 * 60_000));
  const here = { db, clock: live };
  // The working groups' updates link to what they are deciding and drafting: the room shows where each stands.
  const discussed = (await proposalsOf(db, process.id)).filter((p) => p.status === 'discussion' || p.status === 'call');
  const drafts = (await documentsOf(db, process.id)).slice(0, 1);
  const updates = [
    ...discussed.map((p) => ({ url: `/en/p/${process.slug}/decisions/${p.id}`, label: (p.title.en ?? '').slice(0, 200) })),
    ...drafts.map((d) => ({ url: `/en/p/${process.slug}/documents/${d.slug}`, label: (d.title.en ?? '').slice(0, 200) })),
  ];
  const items = [];
  for (const [n, i] of facts.demoNow.agenda.entries())
    items.push(
      must(
        await addAgendaItem(here, convener, process, await meeting(demo), {
          title: i.title,
          durationMinutes: i.minutes,
          presenter: i.presenter ?? null,
          links: n === 1 ? updates : [],
        }),
        'agenda',
      ).itemId,
    );
  must(await changeMeetingStatus(here, convener, process, await meeting(demo), 'start'), 'start demo');
  must(await setCurrentItem(here, convener, process, await meeting(demo), items[1]!), 'item');
  must(await setPolicy(here, convener, process, await meeting(demo), 'balanced'), 'policy');
  must(await setTimeLimit(here, convener, process, await meeting(demo), 180), 'limit');
  must(await setQueueOpen(here, convener, process, await meeting(demo), true), 'open');
  for (const i of [1, 4, 7]) {
    live.advance(60_000);
    must(await raiseHand(here, asActor(people[i]!), process, await meeting(demo)), 'raise');
  }
  must(await giveFloor(here, convener, process, await meeting(demo), { entryId: null, reason: null }), 'floor');
  live.advance(4 * 60_000);
  must(await giveFloor(here, convener, process, await meeting(demo), { entryId: null, reason: null }), 'floor');
  must(await addInRoomHand(here, convener, process, await meeting(demo), people[10]!.id), 'in-room hand');
  must(await raiseHand(here, asActor(people[13]!), process, await meeting(demo)), 'raise');

  const soon = parts(new Date(now.getTime() + 7 * 86_400_000));
  const committee = (await bodyBySlug(db, process.id, 'action-committee'))!;
  const [next] = must(
    await scheduleMeeting(deps, convener, process, committee, { ...facts.upcoming.input, timeZone: process.timeZone, date: `${soon.year}-${soon.month}-${soon.day}` }, null),
    'upcoming',
  ).meetingIds;
  for (const p of people.slice(0, 5)) must(await registerForMeeting(deps, asActor(p), process, await meeting(next!), 'online'), 'register');
}
