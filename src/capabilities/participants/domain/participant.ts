/** The part of a process's stakeholder category this capability relies on. */
export type StakeholderCategory = { key: string; otherText?: boolean };

export type Representation = 'self' | 'organization';

export type Profile = {
  displayName: string;
  categoryKey: string;
  categoryOther: string | null;
  affiliation: string | null;
  representation: Representation;
  organization: string | null;
};

export type Participant = Profile & {
  id: number;
  processId: number;
  userId: number;
  joinedAt: Date;
};

/** A conflict-of-interest declaration. "None" is a valid declaration. */
export type Declaration = {
  version: number;
  hasInterests: boolean;
  text: string | null;
  declaredAt: Date;
};

export type ProfileRefusal = 'unknown-category' | 'other-needs-text' | 'organization-needs-name';

/** Stakeholders self-identify and self-represent: the person's own words, checked only for coherence. */
export function checkProfile(p: Profile, categories: readonly StakeholderCategory[]): ProfileRefusal | null {
  const category = categories.find((c) => c.key === p.categoryKey);
  if (!category) return 'unknown-category';
  if (category.otherText && !p.categoryOther?.trim()) return 'other-needs-text';
  if (p.representation === 'organization' && !p.organization?.trim()) return 'organization-needs-name';
  return null;
}

/** Drops what does not apply (free text for a listed category, organization when speaking for oneself). */
export function normalizeProfile(p: Profile, categories: readonly StakeholderCategory[]): Profile {
  const category = categories.find((c) => c.key === p.categoryKey);
  return {
    displayName: p.displayName.trim(),
    categoryKey: p.categoryKey,
    categoryOther: category?.otherText ? p.categoryOther?.trim() || null : null,
    affiliation: p.affiliation?.trim() || null,
    representation: p.representation,
    organization: p.representation === 'organization' ? p.organization?.trim() || null : null,
  };
}

export function sameProfile(a: Profile, b: Profile): boolean {
  return (
    a.displayName === b.displayName &&
    a.categoryKey === b.categoryKey &&
    a.categoryOther === b.categoryOther &&
    a.affiliation === b.affiliation &&
    a.representation === b.representation &&
    a.organization === b.organization
  );
}

/** A new self-identification; the earlier one stays in the public history. */
export function reviseProfile(current: Profile, input: Profile, categories: readonly StakeholderCategory[]): ProfileRefusal | 'unchanged' | Profile {
  const problem = checkProfile(input, categories);
  if (problem) return problem;
  const next = normalizeProfile(input, categories);
  return sameProfile(current, next) ? 'unchanged' : next;
}
