import type { Actor } from '../../src/kernel/actor.ts';
import type { CommandDeps } from '../../src/platform/commands.ts';
import { advanceProposal, createProposal, proposalById } from '../../src/capabilities/consensus/index.ts';
import type { Proposal } from '../../src/capabilities/consensus/index.ts';
import { appointMember, bodyBySlug, joinBody, type Body } from '../../src/capabilities/groups/index.ts';
import { editSettings, findProcessBySlug, type ConsensusSettings, type Process } from '../../src/capabilities/processes/index.ts';
import { hostile, makeBody, makeParticipant, makeProcess } from './factories.ts';

export type Member = { actor: Actor & { kind: 'user' }; participantId: number; category: string };

export type Group = {
  process: Process;
  body: Body;
  convener: Actor & { kind: 'user' };
  chair: Member;
  members: Member[];
  observer: Member;
};

/**
 * A published process with a working group: a facilitator (the chair), members
 * in the given categories, and an observer. Every text carries a script payload.
 */
export async function makeGroup(deps: CommandDeps, o: { categories?: string[]; settings?: Partial<ConsensusSettings>; typeKey?: string } = {}): Promise<Group> {
  let { process, convener } = await makeProcess(deps);
  if (o.settings) {
    const r = await editSettings(deps, convener, process, {
      stakeholderCategories: process.stakeholderCategories,
      bodyTypes: process.bodyTypes,
      consensusSettings: { ...process.consensusSettings, ...o.settings },
    });
    if (!r.ok) throw new Error(r.refusal);
    process = (await findProcessBySlug(deps.db, process.slug))!;
  }
  const slug = await makeBody(deps, process, convener, { policy: 'self-select', typeKey: o.typeKey });
  const body = (await bodyBySlug(deps.db, process.id, slug))!;
  const join = async (category: string, role: 'member' | 'observer' | 'facilitator'): Promise<Member> => {
    const p = await makeParticipant(deps, process, { category, interests: category === 'industry' ? 'Sells connected devices <script>alert(1)</script>' : null });
    if (role === 'facilitator') {
      const r = await appointMember(deps, convener, process, body, p.participantId, 'facilitator');
      if (!r.ok) throw new Error(r.refusal);
    } else {
      const r = await joinBody(deps, p.actor, process, body, role);
      if (!r.ok) throw new Error(r.refusal);
    }
    return { ...p, category };
  };
  const chair = await join('civil-society', 'facilitator');
  const members: Member[] = [];
  for (const c of o.categories ?? ['industry', 'government', 'academia']) members.push(await join(c, 'member'));
  const observer = await join('consumers', 'observer');
  return { process, body, convener, chair, members, observer };
}

/** A proposal of the group, moved by its chair to the given stage. */
export async function makeProposal(deps: CommandDeps, g: Group, o: { status?: 'drafting' | 'discussion' | 'call'; kind?: 'text' | 'scope' } = {}): Promise<Proposal> {
  const r = await createProposal(deps, g.members[0]!.actor, g.process, g.body, {
    kind: o.kind ?? 'text',
    title: hostile('Proposal'),
    text: hostile('Text **bold**'),
    proposedCharter: o.kind === 'scope' ? hostile('New scope') : null,
    link: null,
  });
  if (!r.ok) throw new Error(r.refusal);
  let p = (await proposalById(deps.db, g.process.id, r.value.id))!;
  const steps = o.status === 'call' ? (['open-discussion', 'open-call'] as const) : o.status === 'discussion' ? (['open-discussion'] as const) : [];
  for (const t of steps) {
    const a = await advanceProposal(deps, g.chair.actor, g.process, p, t);
    if (!a.ok) throw new Error(a.refusal);
    p = (await proposalById(deps.db, g.process.id, p.id))!;
  }
  return p;
}

/** The decision record as its JSON says it (the parts the tests read). */
export type RecordJson = {
  proposal: { status: string; round: number; title: Record<string, string> };
  criteria: {
    quiet: { met: boolean; quietUntil: string | null; openObjections: number };
    dissentDiscussed: { met: boolean; open: number; total: number };
    support: { met: boolean; agree: number; canLive: number; cannot: number; positions: number; cannotAllowed: number };
  };
  categories: Array<{ categoryKey: string; flagged: boolean; total: number; label: Record<string, string> }>;
  outcome: string;
  unmet: string[];
  evaluation: string;
  settings: { quietPeriodHours: number };
  positions: Array<{ name: string; stance: string; category: { key: string }; declaration: { text: string | null } | null }>;
  objections: Array<{ id: number; status: string; author: { name: string }; discussion: { resolution: string } | null }>;
  assessments: Array<{ level: string; direction: string; responses: unknown[] }>;
  minorityStatements: Array<{ authors: Array<{ name: string }> }>;
  newInformation: Array<{ status: string }>;
  decisions: Array<{ round: number; outcome: string; reopenedAt: string | null }>;
  history: Array<{ to: string }>;
};
