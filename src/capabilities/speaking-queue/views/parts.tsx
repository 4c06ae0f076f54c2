import type { Child } from 'hono/jsx';
import type { Locale } from '../../../kernel/localized.ts';
import { plain } from '../../../platform/views/text.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { QueueSnapshot, RoomDeclaration } from '../domain/snapshot.ts';
import { clock, fill, whyText } from '../domain/wording.ts';
import { queueMessages } from '../messages/index.ts';

// The pieces of the room the browser re-draws as events arrive. Each carries
// data-slot / data-q markers; src/client/live-queue.ts fills the same ones.

export const categoryText = (process: Pick<Process, 'stakeholderCategories'>, locale: Locale, key: string, other: string | null): string =>
  plain(categoryLabel(process, key), locale) + (other ? `: ${other}` : '');

/** Rule 6: the declaration of interests, wherever the person speaks or waits to. */
export function Declaration(props: { d: RoomDeclaration; locale: Locale }) {
  const q = queueMessages(props.locale);
  if (!props.d) return <span class="badge warn">{q.declarationMissing}</span>;
  if (!props.d.hasInterests) return <span class="muted">{q.declarationNone}</span>;
  return (
    <span class="declaration">
      <strong>{q.declarationHas}</strong> {props.d.text}
    </span>
  );
}

type Person = QueueSnapshot['queue'][number] | NonNullable<QueueSnapshot['floor']>;

/** Name, category (as the person chose it), in-room marker. Empty when rendered as a template. */
export function Who(props: { person: Person | null; process: Process; locale: Locale }) {
  const q = queueMessages(props.locale);
  const p = props.person;
  return (
    <p class="who">
      <strong data-slot="name">{p?.n ?? ''}</strong>{' '}
      <span class="muted" data-slot="category">
        {p ? categoryText(props.process, props.locale, p.c, p.co) : ''}
      </span>{' '}
      <span class="badge" data-slot="src" hidden={p?.src !== 'in-room'}>
        {q.inRoom}
      </span>
    </p>
  );
}

/** One waiting hand: who, why here, declaration; the console adds its actions. */
export function EntryBody(props: { person: QueueSnapshot['queue'][number] | null; process: Process; locale: Locale; children?: Child }) {
  const q = queueMessages(props.locale);
  const p = props.person;
  return (
    <>
      <Who person={p} process={props.process} locale={props.locale} />
      <p class="why" data-slot="why">
        {p ? whyText(p.why, q.why, (k) => categoryText(props.process, props.locale, k, null)) : ''}
      </p>
      <p class="decl" data-slot="decl">
        {p ? <Declaration d={p.d} locale={props.locale} /> : null}
      </p>
      {props.children}
    </>
  );
}

/** Who has the floor, for how long, against which limit. */
export function FloorView(props: { snapshot: QueueSnapshot; process: Process; locale: Locale; now: Date }) {
  const q = queueMessages(props.locale);
  const { floor, limit } = props.snapshot;
  const elapsed = floor ? (props.now.getTime() - floor.since) / 1000 : 0;
  return (
    <div data-q="floor" class={`floor-now${floor && limit && elapsed > limit ? ' over' : ''}`}>
      <p class="muted" data-q="nobody" hidden={!!floor}>
        {q.nobodyHasFloor}
      </p>
      <div data-q="speaker" hidden={!floor}>
        <Who person={floor} process={props.process} locale={props.locale} />
        <p class="decl" data-slot="decl">
          {floor ? <Declaration d={floor.d} locale={props.locale} /> : null}
        </p>
        <p class="timer">
          {q.elapsed}{' '}
          <span class="clock" data-q="elapsed">
            {clock(elapsed)}
          </span>{' '}
          <span data-q="limit">{limit ? fill(q.limitOf, { limit: clock(limit) }) : ''}</span>{' '}
          <span class="badge bad" data-q="over" hidden={!(floor && limit && elapsed > limit)}>
            {q.overTime}
          </span>
        </p>
      </div>
    </div>
  );
}

/** The words the browser needs to re-draw the room in the page's language. */
export function queueWords(process: Process, locale: Locale) {
  const q = queueMessages(locale);
  return {
    why: q.why,
    categories: Object.fromEntries(process.stakeholderCategories.map((c) => [c.key, plain(c.label, locale)])),
    inRoom: q.inRoom,
    limitOf: q.limitOf,
    overTime: q.overTime,
    timeUp: q.timeUp,
    waitingOne: q.waitingCount.one,
    waitingOther: q.waitingCount.other,
    declarationNone: q.declarationNone,
    declarationMissing: q.declarationMissing,
    declarationHas: q.declarationHas,
    policies: q.policies,
    policyHelp: q.policyHelp,
    announceFloor: q.announceFloor,
    announceNobody: q.announceNobody,
    announceOpen: q.announceOpen,
    announceClosed: q.announceClosed,
    youAreNext: q.youAreNext,
    queueOpen: q.queueOpen,
    queueClosed: q.queueClosed,
    nextSpeaker: q.nextSpeaker,
    nextSpeakerPlain: q.nextSpeakerPlain,
  };
}

export type QueueWords = ReturnType<typeof queueWords>;
