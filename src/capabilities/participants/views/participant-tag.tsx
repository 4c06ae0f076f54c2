import { formatDate } from '../../../kernel/i18n.ts';
import type { Locale } from '../../../kernel/localized.ts';
import { T } from '../../../platform/views/text.tsx';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { Declaration, Participant } from '../domain/participant.ts';
import { participantMessages } from '../messages/index.ts';

/** Category as the person chose it ("Other: …" shows their words). */
export function CategoryName(props: { process: Pick<Process, 'stakeholderCategories'>; participant: Pick<Participant, 'categoryKey' | 'categoryOther'>; locale: Locale }) {
  const { participant: p } = props;
  return (
    <>
      <T value={categoryLabel(props.process, p.categoryKey)} locale={props.locale} />
      {p.categoryOther ? `: ${p.categoryOther}` : ''}
    </>
  );
}

/** Who speaks for whom. */
export function Representation(props: { participant: Pick<Participant, 'representation' | 'organization' | 'affiliation'>; locale: Locale }) {
  const m = participantMessages(props.locale);
  const p = props.participant;
  return <>{p.representation === 'organization' && p.organization ? m.speaksFor(p.organization) : m.speaksForSelf}</>;
}

/** The declaration of interests shown wherever the person speaks or takes a position (rule 6). */
export function DeclarationNote(props: { declaration: Declaration | null; locale: Locale; timeZone?: string }) {
  const m = participantMessages(props.locale);
  const d = props.declaration;
  if (!d) return <span class="badge warn">{m.notDeclared}</span>;
  if (!d.hasInterests) return <span class="muted">{m.declaredNone}</span>;
  return (
    <span class="declaration">
      <strong>{m.declared}</strong> {d.text} <span class="muted">({m.declarationOn(formatDate(props.locale, d.declaredAt, props.timeZone))})</span>
    </span>
  );
}
