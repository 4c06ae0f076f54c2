import { hasText, type Locale, type Localized } from '../../../kernel/localized.ts';

/** A link to what an item discusses: a document of the process (a path) or a page elsewhere. */
export type AgendaLink = { url: string; label: string };

export type AgendaItem = {
  id: number;
  meetingId: number;
  position: number;
  title: Localized;
  durationMinutes: number;
  presenter: string | null;
  links: AgendaLink[];
};

export type AgendaInput = { title: Localized; durationMinutes: number; presenter: string | null; links: AgendaLink[] };

export type AgendaRefusal = 'not-allowed' | 'no-title' | 'missing-translations' | 'bad-duration' | 'bad-link' | 'too-many-links' | 'too-many-items' | 'meeting-over';

export const MAX_ITEMS = 40;
export const MAX_LINKS = 10;

const URL_OK = /^(https?:\/\/[^\s<>"]{3,2000}|\/[a-z]{2}\/[^\s<>"]{0,2000})$/;

/**
 * Links as people type them: one a line, the address first, then an
 * optional label ("https://example.org/report.pdf Draft report"). An address
 * is a full http(s) URL or a path on this site.
 */
export function parseLinks(text: string): AgendaLink[] | 'bad-link' | 'too-many-links' {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_LINKS) return 'too-many-links';
  const out: AgendaLink[] = [];
  for (const line of lines) {
    const [url, ...rest] = line.split(/\s+/);
    if (!url || !URL_OK.test(url)) return 'bad-link';
    out.push({ url, label: rest.join(' ').slice(0, 200) });
  }
  return out;
}

export const linksText = (links: readonly AgendaLink[]): string => links.map((l) => (l.label ? `${l.url} ${l.label}` : l.url)).join('\n');

export function checkAgendaItem(
  rules: { allowed: boolean; officialLanguages: readonly Locale[]; processPublished: boolean; meetingOver: boolean; itemCount: number; adding: boolean },
  input: AgendaInput,
): AgendaRefusal | null {
  if (!rules.allowed) return 'not-allowed';
  if (rules.meetingOver) return 'meeting-over';
  if (rules.adding && rules.itemCount >= MAX_ITEMS) return 'too-many-items';
  if (!rules.officialLanguages.some((l) => hasText(input.title, l))) return 'no-title';
  if (rules.processPublished && rules.officialLanguages.some((l) => !hasText(input.title, l))) return 'missing-translations';
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 0 || input.durationMinutes > 720) return 'bad-duration';
  if (input.links.length > MAX_LINKS) return 'too-many-links';
  if (input.links.some((l) => !URL_OK.test(l.url))) return 'bad-link';
  return null;
}

/** Planned start of each item from the meeting's start and the durations before it. */
export function itemStarts(startsAt: Date, items: readonly Pick<AgendaItem, 'durationMinutes'>[]): Date[] {
  let t = startsAt.getTime();
  return items.map((i) => {
    const at = new Date(t);
    t += i.durationMinutes * 60000;
    return at;
  });
}

/** Moving an item up or down swaps it with its neighbour; the result is the new order of ids. */
export function moveItem(ids: readonly number[], id: number, direction: 'up' | 'down'): number[] | null {
  const i = ids.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
