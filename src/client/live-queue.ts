// Re-draws the speaker queue from each "queue" event (the whole public
// state), filling the same data-slot / data-q places the server rendered.
import type { QueueSnapshot } from '../capabilities/speaking-queue/domain/snapshot.ts';
import type { QueueWords } from '../capabilities/speaking-queue/views/parts.tsx';
import { clock, fill, whyText } from '../capabilities/speaking-queue/domain/wording.ts';
import { plural } from '../kernel/i18n.ts';

type Person = QueueSnapshot['queue'][number] | NonNullable<QueueSnapshot['floor']>;

export type Room = {
  root: HTMLElement;
  locale: string;
  me: number | null;
  console: boolean;
  live(): boolean;
  serverNow(): number;
  announce(text: string): void;
};

const q1 = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel);
const setText = (el: Element | null, text: string) => {
  if (el && el.textContent !== text) el.textContent = text;
};
const show = (el: HTMLElement | null, on: boolean) => {
  if (el) el.hidden = !on;
};

export function queueView(room: Room, w: QueueWords) {
  const section = q1(room.root, '[data-q=section]');
  if (!section) return null;
  const category = (key: string, other: string | null = null) => (w.categories[key] ?? key) + (other ? `: ${other}` : '');
  let snap: QueueSnapshot | null = null;
  let timeUpFor: number | null = null;

  function declaration(el: Element | null, p: Person) {
    if (!el) return;
    el.textContent = '';
    const span = document.createElement('span');
    if (!p.d) {
      span.className = 'badge warn';
      span.textContent = w.declarationMissing;
    } else if (!p.d.hasInterests) {
      span.className = 'muted';
      span.textContent = w.declarationNone;
    } else {
      span.className = 'declaration';
      const strong = document.createElement('strong');
      strong.textContent = w.declarationHas;
      span.append(strong, ' ', p.d.text ?? '');
    }
    el.append(span);
  }

  function who(el: ParentNode, p: Person) {
    setText(q1(el, '[data-slot=name]'), p.n);
    setText(q1(el, '[data-slot=category]'), category(p.c, p.co));
    show(q1(el, '[data-slot=src]'), p.src === 'in-room');
    declaration(q1(el, '[data-slot=decl]'), p);
  }

  /** A list item per hand, kept by entry id so the console keeps focus and typed reasons. */
  function list(s: QueueSnapshot) {
    const ol = q1<HTMLOListElement>(section!, '[data-q=list]');
    const tpl = q1<HTMLTemplateElement>(section!, 'template[data-q=entry]');
    if (!ol || !tpl) return;
    const old = new Map<string, HTMLElement>();
    for (const li of Array.from(ol.children) as HTMLElement[]) old.set(li.dataset.entry ?? '', li);
    const items = s.queue.map((p) => {
      let li = old.get(String(p.e));
      if (li) old.delete(String(p.e));
      else {
        li = (tpl.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
        li.dataset.entry = String(p.e);
        for (const el of Array.from(li.querySelectorAll<HTMLElement>('[id],[for],[aria-describedby]'))) {
          for (const attr of ['id', 'for', 'aria-describedby']) {
            const v = el.getAttribute(attr);
            if (v) el.setAttribute(attr, v.replace('__E__', String(p.e)));
          }
        }
        const input = q1<HTMLInputElement>(li, '[data-slot=entry-id]');
        if (input) input.value = String(p.e);
      }
      who(li, p);
      setText(
        q1(li, '[data-slot=why]'),
        whyText(p.why, w.why, (k) => category(k)),
      );
      li.classList.toggle('mine', p.p === room.me);
      return li;
    });
    for (const li of old.values()) li.remove();
    items.forEach((li, i) => {
      if (ol.children[i] !== li) ol.insertBefore(li, ol.children[i] ?? null);
    });
  }

  function render(s: QueueSnapshot) {
    const before = snap;
    snap = s;
    const live = room.live();
    const floor = room.root;
    show(q1(floor, '[data-q=nobody]'), !s.floor);
    const speaker = q1(floor, '[data-q=speaker]');
    show(speaker, !!s.floor);
    if (s.floor && speaker) who(speaker, s.floor);
    setText(q1(floor, '[data-q=limit]'), s.limit ? fill(w.limitOf, { limit: clock(s.limit) }) : '');
    setText(q1(room.root, '[data-q=policy]'), w.policies[s.policy] ?? s.policy);
    setText(q1(room.root, '[data-q=policy-help]'), w.policyHelp[s.policy] ?? '');
    const openState = q1(room.root, '[data-q=open-state]');
    setText(openState, live ? (s.open ? w.queueOpen : w.queueClosed) : '');
    openState?.classList.toggle('open', s.open);
    const n = s.queue.length;
    setText(q1(room.root, '[data-q=count]'), n ? plural(room.locale === 'fr' ? 'fr' : 'en', n, { one: w.waitingOne, other: w.waitingOther }) : '');
    list(s);
    // The reader's own hand
    const waiting = room.me !== null && s.queue.some((p) => p.p === room.me);
    const speaking = room.me !== null && s.floor?.p === room.me;
    show(q1(room.root, 'form[data-q=raise]'), live && s.open && !waiting && !speaking);
    show(q1(room.root, 'form[data-q=lower]'), waiting);
    show(q1(room.root, '[data-q=me-waiting]'), waiting);
    show(q1(room.root, '[data-q=me-speaking]'), speaking);
    // The console's controls
    const next = q1(room.root, 'form[data-q=next]');
    show(next, live && n > 0);
    setText(q1(room.root, '[data-q=next-label]'), n ? fill(w.nextSpeaker, { name: s.queue[0]!.n }) : w.nextSpeakerPlain);
    show(q1(room.root, 'form[data-q=end-turn]'), !!s.floor);
    show(q1(room.root, 'form[data-q=open]'), live && !s.open);
    show(q1(room.root, 'form[data-q=close]'), live && s.open);
    // What changed, said once for screen readers
    if (before) {
      if ((before.floor?.e ?? null) !== (s.floor?.e ?? null)) room.announce(s.floor ? fill(w.announceFloor, { name: s.floor.n }) : w.announceNobody);
      else if (before.open !== s.open) room.announce(s.open ? w.announceOpen : w.announceClosed);
      else if (room.me !== null && s.queue[0]?.p === room.me && before.queue[0]?.p !== room.me) room.announce(w.youAreNext);
    }
    tick();
  }

  /** The speaking clock, against the server's time (the reader's own clock may be wrong). */
  function tick() {
    if (!snap?.floor) return;
    const elapsed = (room.serverNow() - snap.floor.since) / 1000;
    setText(q1(room.root, '[data-q=elapsed]'), clock(elapsed));
    const over = !!snap.limit && elapsed > snap.limit;
    show(q1(room.root, '[data-q=over]'), over);
    q1(room.root, '[data-q=floor]')?.classList.toggle('over', over);
    if (over && timeUpFor !== snap.floor.e && (room.console || snap.floor.p === room.me)) {
      timeUpFor = snap.floor.e;
      room.announce(fill(w.timeUp, { name: snap.floor.n }));
    }
  }

  return { render, tick };
}
