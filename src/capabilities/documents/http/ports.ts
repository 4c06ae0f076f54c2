import type { Child } from 'hono/jsx';
import type { PageCtx } from '../../../platform/views/page.ts';
import type { Process, ProcessAccess } from '../../processes/index.ts';
import type { DocumentRecord } from '../domain/document.ts';
import type { Outcome } from '../views/model.ts';

/**
 * Consensus outcomes of recommendations, provided by the composition root
 * when a consensus capability exists (documents does not depend on it).
 * Given a document's recommendation anchors, return the outcome of those a
 * decision exists for; the report lists the others as "no decision yet".
 */
export type RecommendationOutcomes = (q: { process: { id: number; slug: string }; documentSlug: string; anchors: readonly string[] }) => Promise<Map<string, Outcome>>;

/**
 * A section another capability adds to a document's page, after its text
 * (say, the public input period and its comments while the document is in
 * public input).
 */
/** `processAccess` is the reader's access to the process, already loaded by the page. */
export type DocumentSection = (args: { process: Process; processAccess: ProcessAccess; doc: DocumentRecord; ctx: PageCtx }) => Promise<Child>;

export type DocumentPorts = { outcomes?: RecommendationOutcomes; sections?: DocumentSection[] };
