// The sense of the room, live: each "sense" event of the room's stream
// carries the figures, written into the same places the server rendered.
// When a sense of the room opens or closes, the section is fetched again.
// Its forms post in the background. Without this file: forms and reload.
import type { SenseSnapshot } from '../capabilities/consensus/commands/announce-sense.ts';
import { onLive } from './live-room.ts';
import { plural } from '../kernel/i18n.ts';

type Words = { counted: { one: string; other: string } };
const BAR = 200;

function start(root: HTMLElement) {
  const locale = root.dataset.locale === 'fr' ? 'fr' : 'en';
  const numbers = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA');
  const announcer = root.querySelector<HTMLElement>('[data-live=announce]');
  const alert = root.querySelector<HTMLElement>('[data-live=alert]');
  const section = () => root.querySelector<HTMLElement>('[data-sense=section]');
  const say = (text: string) => {
    if (!announcer) return;
    announcer.textContent = '';
    setTimeout(() => (announcer.textContent = text), 30);
  };
  const set = (el: Element | null, n: number) => {
    const text = numbers.format(n);
    if (el && el.textContent !== text) el.textContent = text;
  };

  let refreshing = false;
  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      const res = await fetch(location.pathname, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const fresh = new DOMParser().parseFromString(await res.text(), 'text/html').querySelector('[data-sense=section]');
      const old = section();
      if (fresh && old) old.replaceWith(document.importNode(fresh, true));
    } catch {
      // The next event tries again.
    } finally {
      refreshing = false;
    }
  }

  function render(snap: SenseSnapshot, words: Words) {
    const el = section();
    if (!el) return;
    const open = snap.open ? '1' : '0';
    if (el.dataset.senseId !== String(snap.senseId ?? '') || el.dataset.senseOpen !== open) {
      void refresh();
      return;
    }
    const t = snap.tally;
    if (!t) return;
    const total = el.querySelector('[data-sense-slot=count]');
    const text = plural(locale, t.total, words.counted);
    if (total && total.textContent !== text) total.textContent = text;
    for (const k of ['agree', 'canLive', 'cannot'] as const) {
      set(el.querySelector(`[data-sense-slot=stance-${k}]`), t.stances[k]);
      const bar = el.querySelector(`[data-sense-bar=${k}]`);
      const w = t.total === 0 || t.stances[k] === 0 ? 0 : Math.max(3, Math.round((t.stances[k] / t.total) * BAR));
      bar?.setAttribute('width', String(w));
    }
    for (const c of t.categories) {
      const row = el.querySelector(`[data-sense-category="${CSS.escape(c.categoryKey)}"]`);
      if (!row) {
        void refresh();
        return;
      }
      for (const k of ['agree', 'canLive', 'cannot', 'total'] as const) set(row.querySelector(`[data-sense-slot=${k}]`), c[k]);
    }
  }

  onLive('sense', (data, words) => render(data as SenseSnapshot, words as Words));

  root.addEventListener('submit', async (e) => {
    const form = e.target as HTMLFormElement;
    const action = form.getAttribute('action') ?? '';
    if (form.method !== 'post' || !/\/sense\/(open|close|position|record)$/.test(action) || e.defaultPrevented) return;
    e.preventDefault();
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    for (const b of Array.from(form.querySelectorAll('button'))) b.disabled = true;
    try {
      const res = await fetch(action, { method: 'POST', body, headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const json = (await res.json().catch(() => ({}))) as { detail?: string; message?: string; field?: string };
      for (const old of Array.from(form.querySelectorAll('p.error.from-script'))) old.remove();
      if (res.ok) {
        if (alert) alert.hidden = true;
        for (const t of Array.from(form.querySelectorAll('textarea'))) t.value = '';
        if (json.message) say(json.message);
      } else if (json.field) {
        const field = form.querySelector<HTMLElement>(`#f-${json.field}`);
        const p = document.createElement('p');
        p.className = 'error from-script';
        p.id = `f-${json.field}-error`;
        p.textContent = json.detail ?? '';
        field?.before(p);
        field?.setAttribute('aria-invalid', 'true');
        field?.setAttribute('aria-describedby', p.id);
        (field?.querySelector('input') ?? field)?.focus();
      } else if (alert) {
        alert.textContent = json.detail ?? res.statusText;
        alert.hidden = false;
      }
    } catch {
      if (alert) alert.hidden = false;
    } finally {
      for (const b of Array.from(form.querySelectorAll('button'))) b.disabled = false;
    }
  });
}

const root = document.getElementById('live');
if (root && typeof EventSource === 'function' && root.querySelector('[data-sense=section]')) start(root);
