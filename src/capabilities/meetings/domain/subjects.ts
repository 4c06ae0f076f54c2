import type { AgendaLink } from './agenda.ts';

/**
 * What an agenda item's link points at in its own process: a proposal (its
 * decision record) or a document, possibly one passage of it. Links are kept
 * as people typed them; this is what Concert understands of them, to show
 * the current status beside the link and to list, on a proposal's page, the
 * meetings that discussed it.
 */
export type AgendaSubject = { kind: 'proposal'; key: string; anchor: null } | { kind: 'document'; key: string; anchor: string | null };

const PATH =
  /^(?:https?:\/\/[^/\s]+)?\/(?:[a-z]{2}\/)?p\/([a-z0-9-]{1,60})\/(decisions|documents)\/([a-z0-9-]{1,80})(\/at\/[A-Za-z0-9_-]{1,40}|\/[^#\s]*)?(#[A-Za-z0-9_-]{1,40})?$/;

export function subjectOf(url: string, processSlug: string): AgendaSubject | null {
  const m = PATH.exec(url.trim());
  if (!m || m[1] !== processSlug) return null;
  const [, , what, key, rest, hash] = m;
  if (what === 'decisions') {
    // A decision record (or one of its pages: /room, /positions), never a form.
    if (!/^\d{1,12}$/.test(key!) || (rest && !/^\/(room|positions)$/.test(rest))) return null;
    return { kind: 'proposal', key: key!, anchor: null };
  }
  const at = rest?.startsWith('/at/') ? rest.slice(4) : null;
  return { kind: 'document', key: key!, anchor: at ?? (hash ? hash.slice(1) : null) };
}

export const subjectKey = (s: Pick<AgendaSubject, 'kind' | 'key'>): string => `${s.kind}:${s.key}`;

/** The subjects of an item's links, each once. */
export function subjectsOf(links: readonly AgendaLink[], processSlug: string): AgendaSubject[] {
  const seen = new Map<string, AgendaSubject>();
  for (const l of links) {
    const s = subjectOf(l.url, processSlug);
    if (s) seen.set(`${subjectKey(s)}#${s.anchor ?? ''}`, s);
  }
  return [...seen.values()];
}
