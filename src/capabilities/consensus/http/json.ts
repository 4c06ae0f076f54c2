import type { ParticipantListing } from '../../participants/index.ts';
import { categoryLabel, type Process } from '../../processes/index.ts';
import type { DecisionRecord } from '../commands/load-record.ts';

const person = (process: Process, people: Map<number, ParticipantListing>, id: number) => {
  const p = people.get(id);
  return p
    ? {
        participantId: id,
        name: p.displayName,
        category: { key: p.categoryKey, label: categoryLabel(process, p.categoryKey), other: p.categoryOther },
        declaration: p.declaration ? { hasInterests: p.declaration.hasInterests, text: p.declaration.text, declaredAt: p.declaration.declaredAt } : null,
      }
    : { participantId: id };
};

/**
 * The decision record as JSON (`Accept: application/json`): the proposal,
 * positions, objections, the criteria with the figures behind each, the
 * breakdown by category, the outcome, and the chair's assessments.
 */
export function recordJson(process: Process, r: DecisionRecord, base: string) {
  const p = r.proposal;
  const e = r.evaluation;
  const who = (id: number) => person(process, r.people, id);
  return {
    proposal: {
      id: p.id,
      url: base,
      kind: p.kind,
      title: p.title,
      text: p.text,
      proposedCharter: p.proposedCharter,
      charterBefore: p.charterBefore,
      link: p.link,
      status: p.status,
      round: p.round,
      body: { slug: r.body.slug, name: r.body.name },
      author: p.authorParticipantId ? who(p.authorParticipantId) : null,
      createdAt: p.createdAt,
      discussionOpenedAt: p.discussionOpenedAt,
      call: p.callOpenedAt ? { openedAt: p.callOpenedAt, where: p.callWhere, meetingEndsAt: p.callEndsAt } : null,
      decidedAt: p.decidedAt,
    },
    settings: process.consensusSettings,
    evaluatedAt: e.evaluatedAt,
    evaluation: r.evaluationAt === 'now' ? 'live' : 'at-decision',
    criteria: e.criteria,
    categories: e.categories.map((c) => ({ ...c, label: categoryLabel(process, c.categoryKey) })),
    flaggedCategories: e.flaggedCategories,
    outcome: e.outcome,
    unmet: e.unmet,
    positions: r.positions.map((x) => ({
      ...who(x.participantId),
      stance: x.stance,
      reason: x.reason,
      objectionId: x.objectionId,
      categoryAtPosition: { key: x.categoryKey, label: categoryLabel(process, x.categoryKey), other: x.categoryOther },
      takenAt: x.takenAt,
      where: x.takenWhere,
      inRoom: x.inRoom,
      round: x.round,
    })),
    positionsTotal: r.positionsTotal,
    positionsPage: r.page,
    objections: r.objections.map((o) => ({
      id: o.id,
      author: who(o.authorParticipantId),
      text: o.text,
      status: o.status,
      round: o.round,
      raisedAt: o.raisedAt,
      withPosition: o.fromPosition,
      raisedWhere: o.raisedWhere,
      discussion: o.discussedAt ? { at: o.discussedAt, where: o.discussedWhere, resolution: o.resolution, reasoning: o.reasoning } : null,
    })),
    assessments: r.assessments.map((a) => ({
      id: a.id,
      round: a.round,
      level: a.level,
      direction: a.direction,
      text: a.text,
      chair: a.chairName,
      assessedAt: a.assessedAt,
      revisesId: a.revisesId,
      outcomeThen: a.evaluation.outcome,
      unmetThen: a.evaluation.unmet,
      responses: r.responses.filter((x) => x.assessmentId === a.id).map((x) => ({ ...who(x.participantId), text: x.text, respondedAt: x.respondedAt })),
    })),
    minorityStatements: r.minorityStatements.map((s) => ({
      id: s.id,
      round: s.round,
      authors: [s.authorParticipantId, ...s.signers.map((x) => x.participantId)].map(who),
      text: s.text,
      attachedAt: s.attachedAt,
    })),
    newInformation: r.information.map((i) => ({
      id: i.id,
      round: i.round,
      filedBy: who(i.filedByParticipantId),
      whatIsNew: i.whatIsNew,
      whyItMatters: i.whyItMatters,
      links: i.links,
      status: i.status,
      filedAt: i.filedAt,
      answeredAt: i.answeredAt,
      answer: i.answer,
    })),
    decisions: r.decisions.map((d) => ({
      round: d.round,
      outcome: d.outcome,
      decidedAt: d.decidedAt,
      decidedBy: d.decidedByName,
      assessmentId: d.assessmentId,
      criteria: d.evaluation.criteria,
      outcomeThen: d.evaluation.outcome,
      reopenedAt: d.reopenedAt,
      reopenedByInformationId: d.reopenedByInformationId,
    })),
    history: r.transitions.map((t) => ({ from: t.fromStatus, to: t.toStatus, round: t.round, at: t.at, by: t.byName })),
  };
}
