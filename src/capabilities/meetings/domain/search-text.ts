import { LOCALES, type Localized } from '../../../kernel/localized.ts';
import type { AgendaItem } from './agenda.ts';
import type { Meeting } from './meeting.ts';
import type { Minutes } from './minutes.ts';

/**
 * What search finds a meeting by, per language: its description, its agenda
 * (titles and presenters), and its minutes once approved (a draft is not the
 * record yet). A cancelled meeting stays findable, saying so first.
 */
export function meetingSearchText(
  meeting: Pick<Meeting, 'description' | 'status' | 'place'>,
  items: readonly Pick<AgendaItem, 'title' | 'presenter'>[],
  minutes: Pick<Minutes, 'source' | 'status'> | null,
  cancelledWord: Localized,
): Localized {
  const out: Localized = {};
  for (const l of LOCALES) {
    const parts = [
      meeting.status === 'cancelled' ? cancelledWord[l] : undefined,
      meeting.description[l],
      meeting.place[l],
      ...items.map((i) => [i.title[l], i.presenter].filter(Boolean).join(' — ')),
      minutes?.status === 'approved' ? minutes.source[l] : undefined,
    ].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (parts.length) out[l] = parts.join('\n\n');
  }
  return out;
}
