// `npm run bench -- comments`: public input at FCC scale.
//   1. Clustering: 1,000,000 synthetic comments shaped like the FCC's 2017 docket
//      (about 6 % unique, a few form letters, mail-merge variants) fingerprinted
//      and clustered; time, peak memory, and pairwise precision and recall against
//      the generator's labels. Aims: under 60 s, both at least 0.95.
//   2. Intake (bench/support/comments-intake.ts, when present): comment
//      submissions per second over HTTP with receipts vs. raw INSERTs of the same
//      rows with the same durability; intakeRatio, aim at least 0.5.
// Clustering runs first so that its peak memory is its own.
// BENCH_COMMENTS sets the number of synthetic comments (default 1,000,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clusteringFigures } from './support/comments-clustering.ts';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const here = path.dirname(fileURLToPath(import.meta.url));

console.log(`Clustering ${COMMENTS.toLocaleString('en')} synthetic comments (load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores)…`);
const clustering = await clusteringFigures(COMMENTS);
console.log(`  generated in ${clustering.generateSeconds} s (not counted)`);
console.log(`  fingerprinted in ${clustering.fingerprintSeconds} s, clustered in ${clustering.clusteringSeconds} s: ${clustering.totalSeconds} s in all (aim: under 60 s)`);
console.log(`  CPU time: ${clustering.fingerprintCpuSeconds} s fingerprinting, ${clustering.clusteringCpuSeconds} s clustering (all threads of the process, GC included)`);
console.log(
  `  ${clustering.clusters.toLocaleString('en')} clusters for ${clustering.trueClusters.toLocaleString('en')} true ones; largest ${clustering.largestCluster.toLocaleString('en')}`,
);
console.log(`  pairwise precision ${clustering.precision}, recall ${clustering.recall} (aim: both at least 0.95)`);
console.log(`  peak memory ${clustering.peakRssMB} MB`);

let intake: Record<string, unknown> = {};
const intakeModule = path.join(here, 'support', 'comments-intake.ts');
if (fs.existsSync(intakeModule)) {
  console.log('Intake…');
  const { intakeFigures } = (await import(pathToFileURL(intakeModule).href)) as { intakeFigures: () => Promise<Record<string, unknown>> };
  intake = await intakeFigures();
  console.log(
    `  intakeRatio ${String(intake.intakeRatio ?? 'n/a')} (aim: at least 0.5); processing caught up ${String(intake.processingCaughtUpSeconds ?? 'n/a')} s after the flood`,
  );
} else console.log('Intake: bench/support/comments-intake.ts is not there yet; skipped.');

const intakeRatio = typeof intake.intakeRatio === 'number' ? intake.intakeRatio : null;
console.log(JSON.stringify({ bench: 'comments', ...intake, intakeRatio, clustering, ratio: intakeRatio }));
