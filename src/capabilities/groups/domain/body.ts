import type { Localized } from '../../../kernel/localized.ts';

export type MembershipPolicy = 'open' | 'self-select' | 'appointed';
export type BodyStatus = 'active' | 'closed';
export type MembershipRole = 'facilitator' | 'member' | 'observer';

export type Body = {
  id: number;
  processId: number;
  slug: string;
  typeKey: string;
  name: Localized;
  charter: Localized;
  membershipPolicy: MembershipPolicy;
  status: BodyStatus;
  position: number;
};

export type CharterSource = 'created' | 'edited' | 'proposal';

/** Charters and scope are versioned: where each version came from, and when. */
export type CharterVersion = { version: number; charter: Localized; source: CharterSource; proposalId: number | null; recordedAt: Date };

/** Working groups define their own scope: once the process is public, it changes only by their consensus. */
export const WORKING_GROUP = 'working-group';

export type Membership = {
  id: number;
  bodyId: number;
  participantId: number;
  role: MembershipRole;
  joinedAt: Date;
  leftAt: Date | null;
};

/** A URL-safe slug from a name: lower case ASCII, words joined by hyphens. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'body'
  );
}
