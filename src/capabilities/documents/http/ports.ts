import type { Outcome } from '../views/model.ts';

/**
 * Consensus outcomes of recommendations, provided by the composition root
 * when a consensus capability exists (documents does not depend on it).
 * Given a document's recommendation anchors, return the outcome of those a
 * decision exists for; the report lists the others as "no decision yet".
 */
export type RecommendationOutcomes = (q: { processId: number; documentId: number; anchors: readonly string[] }) => Promise<Map<string, Outcome>>;

export type DocumentPorts = { outcomes?: RecommendationOutcomes };
