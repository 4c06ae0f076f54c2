// The live room and the console, enhanced: a Server-Sent Events stream keeps
// the page current without reloading, and the room's forms post in the
// background. Without this file both pages work by form and reload.
import type { MeetingLiveState } from '../capabilities/meetings/commands/live-state.ts';
import type { QueueWords } from '../capabilities/speaking-queue/views/parts.tsx';
import { queueView, type Room } from './live-queue.ts';

/**
 * Other capabilities' scripts follow their own events of the room's stream
 * (a "sense of the room", say): onLive('sense', (data, words) => …). Their
 * words arrive under the same key in the page's data-words.
 */
type Handler = (data: unknown, words: unknown) => void;
const handlers = new Map<string, Handler[]>();
let source: EventSource | null = null;
let allWords: Record<string, unknown> = {};
const dispatch = (kind: string) => (e: Event) => {
  const data = JSON.parse((e as MessageEvent).data) as unknown;
  for (const h of handlers.get(kind) ?? []) h(data, allWords[kind]);
};
export function onLive(kind: string, handler: Handler): void {
  const list = handlers.get(kind);
  if (list) list.push(handler);
  else {
    handlers.set(kind, [handler]);
    source?.addEventListener(kind, dispatch(kind));
  }
}

type Words = {
  meeting: { status: Record<string, string>; noCurrentItem: string; live: string; lost: string };
  queue?: QueueWords;
};

function start(root: HTMLElement) {
  const words = JSON.parse(root.dataset.words ?? '{}') as Words;
  allWords = words as unknown as Record<string, unknown>;
  const locale = root.dataset.locale === 'fr' ? 'fr' : 'en';
  let offset = Number(root.dataset.serverNow) - Date.now();
  const announcer = root.querySelector<HTMLElement>('[data-live=announce]');
  const alert = root.querySelector<HTMLElement>('[data-live=alert]');
  const room: Room = {
    root,
    locale,
    me: root.dataset.me ? Number(root.dataset.me) : null,
    console: root.dataset.console === '1',
    live: () => root.dataset.status === 'in-progress',
    serverNow: () => Date.now() + offset,
    announce(text) {
      if (!announcer) return;
      announcer.textContent = '';
      setTimeout(() => (announcer.textContent = text), 30);
    },
  };
  const queue = words.queue ? queueView(room, words.queue) : null;

  const connection = root.querySelector<HTMLElement>('[data-live=connection]');
  const reload = root.querySelector<HTMLElement>('[data-live=reload]');
  const status = (ok: boolean) => {
    if (!connection) return;
    const text = ok ? words.meeting.live : words.meeting.lost;
    if (connection.firstChild?.textContent !== text) {
      connection.firstChild!.textContent = text;
      connection.classList.toggle('lost', !ok);
    }
    if (reload) reload.hidden = ok;
  };

  // A form that leaves the page (start, end) must not be cut short by a reload.
  let leaving = false;
  window.addEventListener('beforeunload', () => (leaving = true));
  document.addEventListener('submit', (e) => {
    // After every other listener (a declined confirmation cancels the submit).
    setTimeout(() => {
      if (!e.defaultPrevented) leaving = true;
    });
  });

  function onMeeting(m: MeetingLiveState) {
    const changed = root.dataset.status !== m.status;
    root.dataset.status = m.status;
    // The console's controls depend on the meeting's state: take the fresh page.
    if (changed && room.console) {
      if (!leaving) location.reload();
      return;
    }
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-when]'))) el.hidden = el.dataset.when !== m.status;
    for (const box of Array.from(root.querySelectorAll<HTMLElement>('[data-live=item]'))) {
      const title = box.querySelector('[data-slot=title]');
      const presenter = box.querySelector<HTMLElement>('[data-slot=presenter]');
      if (title) {
        const text = m.item ? (m.item.title[locale] ?? m.item.title[locale === 'en' ? 'fr' : 'en'] ?? '') : words.meeting.noCurrentItem;
        title.textContent = text;
        title.classList.toggle('muted', !m.item);
      }
      if (presenter) presenter.hidden = !m.item?.presenter;
      if (presenter && m.item?.presenter) presenter.textContent = m.item.presenter;
    }
    for (const li of Array.from(root.querySelectorAll<HTMLElement>('[data-live=agenda] [data-item]'))) {
      const current = m.item !== null && li.dataset.item === String(m.item.id);
      li.classList.toggle('current', current);
      if (current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    if (changed) room.announce(words.meeting.status[m.status] ?? m.status);
  }

  const stream = new EventSource(`${root.dataset.stream}?since=${encodeURIComponent(root.dataset.lastEventId ?? '')}`);
  source = stream;
  for (const kind of handlers.keys()) stream.addEventListener(kind, dispatch(kind));
  stream.addEventListener('open', () => status(true));
  stream.addEventListener('error', () => status(false));
  stream.addEventListener('hello', (e) => {
    offset = (JSON.parse((e as MessageEvent).data) as { now: number }).now - Date.now();
    status(true);
  });
  onLive('meeting', (data) => onMeeting(data as MeetingLiveState));
  onLive('queue', (data) => queue?.render(data as Parameters<NonNullable<typeof queue>['render']>[0]));
  setInterval(() => queue?.tick(), 1000);

  // The room's own actions post in the background; the stream shows their effect.
  root.addEventListener('submit', async (e) => {
    const form = e.target as HTMLFormElement;
    const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
    if (form.method !== 'post' || !/\/(queue\/[a-z-]+|item)$/.test(action)) return;
    e.preventDefault();
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    for (const b of Array.from(form.querySelectorAll('button'))) b.disabled = true;
    try {
      const res = await fetch(action, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const json = (await res.json().catch(() => ({}))) as { detail?: string; message?: string; field?: string };
      for (const old of Array.from(form.querySelectorAll('.error'))) old.remove();
      if (res.ok) {
        if (alert) alert.hidden = true;
        const reason = form.querySelector<HTMLInputElement>('input[name=reason]');
        if (reason) {
          reason.value = '';
          reason.removeAttribute('aria-invalid');
        }
        if (json.message) room.announce(json.message);
      } else if (json.field) {
        const input = form.querySelector<HTMLInputElement>(`#f-${json.field}`);
        const p = document.createElement('p');
        p.className = 'error';
        p.id = `f-${json.field}-error`;
        p.textContent = json.detail ?? '';
        input?.before(p);
        input?.setAttribute('aria-invalid', 'true');
        input?.setAttribute('aria-describedby', `${p.id} reason-hint`);
        input?.focus();
      } else if (alert) {
        alert.textContent = json.detail ?? res.statusText;
        alert.hidden = false;
      }
    } catch {
      if (alert) {
        alert.textContent = words.meeting.lost;
        alert.hidden = false;
      }
    } finally {
      for (const b of Array.from(form.querySelectorAll('button'))) b.disabled = false;
    }
  });
}

const root = document.getElementById('live');
if (root && typeof EventSource === 'function') start(root);
