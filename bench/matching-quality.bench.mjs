// Matching quality on the labelled evaluation set (apps/api/src/matching/evaluation/eval-set.ts):
// every resident against every post and every labelled post against every resident, through the
// real profile builder (jieba) and engine, no index. Prints top-1 accuracy (the first result is one
// the person would pick first) and NDCG@5 in both directions against the issue's goal (top-1 ≥ 90 %,
// NDCG@5 ≥ 0.9), the size of the set, and the misses with what came first instead and why, for
// tuning (apps/api/src/matching/engine/weights.ts). Figures only; the floors are asserted by
// evaluate.spec.ts. Env: BENCH_QUALITY_WEAK (default 0.8): also list queries with NDCG@5 below it.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printTable, root } from './lib.mjs';
import { buildApi } from './residents-lib.mjs';

const GOAL = { top1: 0.9, ndcg5: 0.9 };
const WEAK = Number(process.env.BENCH_QUALITY_WEAK || 0.8);

console.log('building the API (incremental)…');
buildApi();
const require = createRequire(import.meta.url);
const { evaluate } = require(resolve(root, 'dist/apps/api/apps/api/src/matching/evaluation/evaluate.js'));

const started = performance.now();
const report = evaluate();
const ms = performance.now() - started;

const pct = (x) => `${(x * 100).toFixed(1)} %`;
const mark = (x, goal) => (x >= goal ? 'ok' : 'BELOW GOAL');
console.log(
  `\n${report.residents} residents, ${report.posts} posts (${report.peopleForPost.queries} open and labelled); ` +
    `labels: ${report.labels.postsForResidents} posts for residents, ${report.labels.peopleForPosts} people for posts; evaluated in ${ms.toFixed(0)} ms\n`,
);
const dirs = [
  ['posts for a resident', report.postsForResident],
  ['people for a post', report.peopleForPost],
];
printTable([
  ['direction', 'queries', 'top-1', 'goal', 'NDCG@5', 'goal'],
  ...dirs.map(([name, d]) => [name, d.queries, pct(d.top1), mark(d.top1, GOAL.top1), d.ndcg5.toFixed(3), mark(d.ndcg5, GOAL.ndcg5)]),
]);

const item = (t) => `${t.id} ${t.label} [grade ${t.grade}, ${t.score}] ${t.reasons.join('；')}`;
for (const [name, d] of dirs) {
  const weak = d.outcomes.filter((o) => o.top1 && o.ndcg < WEAK);
  console.log(`\n── ${name}: ${d.misses.length} misses${weak.length ? `, ${weak.length} with NDCG@5 < ${WEAK}` : ''}`);
  for (const o of [...d.misses, ...weak]) {
    console.log(`${o.top1 ? 'weak' : 'MISS'} ${o.id} ${o.label} (NDCG@5 ${o.ndcg.toFixed(2)})`);
    console.log(`  first:    ${o.top[0] ? item(o.top[0]) : '(nothing shown)'}`);
    for (const e of o.expected) {
      console.log(`  expected: ${e.rank === null ? `${e.id} ${e.label} [left out by a hard filter]` : `#${e.rank} ${item(e)}`}`);
    }
  }
}
