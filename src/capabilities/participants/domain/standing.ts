import type { Declaration } from './participant.ts';

export type Standing = {
  declared: boolean;
  acceptedCurrentRules: boolean;
  /** Rule 6: interests declared, and the current rules accepted, before taking part. */
  mayTakePart: boolean;
};

export function standingOf(latest: Declaration | null, acceptedVersions: readonly number[], currentRulesVersion: number | null): Standing {
  const declared = latest !== null;
  const acceptedCurrentRules = currentRulesVersion === null || acceptedVersions.includes(currentRulesVersion);
  return { declared, acceptedCurrentRules, mayTakePart: declared && acceptedCurrentRules };
}
