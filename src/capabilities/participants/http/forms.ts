import { z } from 'zod';
import { checkbox, optionalText, rawField, text } from '../../../platform/http/validation.ts';
import type { Profile } from '../domain/participant.ts';
import type { DeclarationInput } from '../domain/declaration.ts';
import type { ProfileValues } from '../views/profile-fields.tsx';
import type { DeclarationValues } from '../views/declaration-fields.tsx';

export const profileSchema = z.object({
  displayName: text(120),
  category: text(40),
  categoryOther: optionalText(120),
  affiliation: optionalText(200),
  representation: z.enum(['self', 'organization']),
  organization: optionalText(200),
});

export const declarationSchema = z.object({
  hasInterests: z.enum(['yes', 'no']),
  declarationText: optionalText(4000),
});

export const joinSchema = profileSchema.extend({
  rulesVersion: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number),
  acceptRules: checkbox(),
  hasInterests: z.enum(['yes', 'no']),
  declarationText: optionalText(4000),
});

export function profileFrom(d: z.output<typeof profileSchema>): Profile {
  return {
    displayName: d.displayName,
    categoryKey: d.category,
    categoryOther: d.categoryOther,
    affiliation: d.affiliation,
    representation: d.representation,
    organization: d.organization,
  };
}

export function declarationFrom(d: { hasInterests: 'yes' | 'no'; declarationText: string | null }): DeclarationInput {
  return { hasInterests: d.hasInterests === 'yes', text: d.declarationText };
}

const s = rawField;

export function profileValuesFrom(body: Record<string, unknown>): ProfileValues {
  return {
    displayName: s(body, 'displayName'),
    category: s(body, 'category'),
    categoryOther: s(body, 'categoryOther'),
    affiliation: s(body, 'affiliation'),
    representation: s(body, 'representation'),
    organization: s(body, 'organization'),
  };
}

export function declarationValuesFrom(body: Record<string, unknown>): DeclarationValues {
  return { hasInterests: s(body, 'hasInterests'), declarationText: s(body, 'declarationText') };
}

export function profileValuesOf(p: Profile): ProfileValues {
  return {
    displayName: p.displayName,
    category: p.categoryKey,
    categoryOther: p.categoryOther ?? '',
    affiliation: p.affiliation ?? '',
    representation: p.representation,
    organization: p.organization ?? '',
  };
}
