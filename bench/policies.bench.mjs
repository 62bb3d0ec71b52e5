// 政策找人 at district scale, on MariaDB: 100,000 residents (bulk-inserted as the residents bench does, with
// 毕业时间 for a share of the graduates) and 30 policies over key groups, age, education, status, 镇街 and
// graduation. Through the API (scripts/start-api.mjs, one process: API and worker):
//   preview     GET /policies/:id/preview for each of the 30 drafts: every resident's facts loaded and judged
//               against one policy, nothing written (the admin's "现在符合的有 N 人" before publishing);
//   pass        the 30 published at once: the worker's passes find and record every eligible person (one
//               policy_matches row each, with their messages), timed until the rows reach the previews' totals;
//   baseline    reading the 100,000 residents' rows once with mysql2 in this process (the least any pass must do).
// Prints times, the API process's peak memory (RSS of its process group) during each phase, and the ratios to
// the baseline. No timed assertion; the run fails if the pass writes a different number of rows than the previews
// counted. Env: BENCH_RESIDENTS (default 100000), BENCH_POLICIES (default 30), BENCH_MARIADB_URL.
import { performance } from 'node:perf_hooks';
import { printTable, sleep } from './lib.mjs';
import { buildApi, createMariadbDatabase, groupMemory, insertResidents, login, percentile, startApi } from './residents-lib.mjs';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS || 100_000);
const POLICIES = Number(process.env.BENCH_POLICIES || 30);
const GROUPS = ['graduate', 'veteran', 'disabled', 'returning_migrant', 'hard_to_employ', 'low_income'];
const STATUSES = ['seeking', 'employed', 'self_employed'];
const EDUCATION = ['senior_high', 'vocational', 'college', 'bachelor'];

/** The i-th policy's rules: a key group or two, an age band, sometimes education, status, a 镇街 or graduation. */
function rulesOf(i, towns) {
  const rules = [{ field: 'keyGroups', op: i % 4 === 3 ? 'in' : 'contains', value: i % 4 === 3 ? [GROUPS[i % 6], GROUPS[(i + 2) % 6]] : GROUPS[i % 6] }];
  rules.push({ field: 'age', op: 'lte', value: 35 + (i % 4) * 10 });
  if (i % 3 === 0) rules.push({ field: 'status', op: 'eq', value: STATUSES[i % 3 === 0 ? (i / 3) % 3 : 0] });
  if (i % 5 === 1) rules.push({ field: 'education', op: 'gte', value: EDUCATION[i % 4] });
  if (i % 7 === 2) rules.push({ field: 'townCode', op: 'eq', value: towns[i % towns.length] });
  if (GROUPS[i % 6] === 'graduate' && i % 4 !== 3) rules.push({ field: 'monthsSinceGraduation', op: 'lte', value: 24 });
  return rules;
}

async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Samples the API group's RSS every 100 ms while `fn` runs; resolves its result and the peak in MB. */
async function withPeakMemory(pgid, fn) {
  let peak = groupMemory(pgid)?.rssMb ?? 0;
  let on = true;
  const sampler = (async () => {
    while (on) {
      peak = Math.max(peak, groupMemory(pgid)?.rssMb ?? 0);
      await sleep(100);
    }
  })();
  try {
    return { result: await fn(), peakMb: () => peak };
  } finally {
    on = false;
    await sampler;
  }
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_bench_policies');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  let failed = false;
  try {
    api = await startApi(maria.url, 'policies', { RATE_LIMIT_WRITES_PER_MIN: '0' });
    conn = await maria.connect();
    const insertSeconds = await insertResidents(conn, { count: RESIDENTS, seed: 20261207 });
    // Graduates of the last 3 years have a 毕业时间 (the ledger column the graduate policies need).
    await conn.query("UPDATE residents SET graduation_date = CONCAT(2024 + (CONV(SUBSTRING(id, 1, 2), 16, 10) % 3), '-06') WHERE key_groups LIKE '%graduate%'");
    const [towns] = await conn.query("SELECT code FROM regions WHERE level = 'town' ORDER BY code");
    console.log(`MariaDB ${maria.version}: ${RESIDENTS} residents inserted in ${insertSeconds.toFixed(1)} s`);

    const admin = await login(api.base, { role: 'admin', name: '区人社局' });
    const call = async (method, path, body) => {
      const res = await fetch(`${api.base}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    const ids = [];
    for (let i = 0; i < POLICIES; i++) {
      const p = await call('POST', '/policies', {
        title: `测试政策${i + 1}`, issuer: '山亭区人社局', summary: '压测用的政策', benefit: '以人社部门公布为准', audience: 'person', rules: rulesOf(i, towns.map((t) => t.code)), howToApply: '到镇便民服务中心办理', validFrom: '2026-01-01', draft: true,
      });
      ids.push(p.id);
    }

    // Baseline: the residents' rows read once, in this process.
    const baseline = await timed(async () => (await conn.query('SELECT id, key_groups, birth_date, gender, education, status, town_code, village_code, graduation_date FROM residents'))[0].length);

    // Preview: one policy at a time, nothing written.
    const previews = await withPeakMemory(api.proc.pid, async () => {
      const out = [];
      for (const id of ids) out.push(await timed(() => call('GET', `/policies/${id}/preview`)));
      return out;
    });
    const previewMs = previews.result.map((p) => p.ms).sort((a, b) => a - b);
    const expected = previews.result.reduce((t, p) => t + p.value.total, 0);

    // The pass: all 30 published at once; the worker records every eligible person.
    const pass = await withPeakMemory(api.proc.pid, async () =>
      timed(async () => {
        for (const id of ids) await call('PATCH', `/policies/${id}`, { status: 'published' });
        const deadline = Date.now() + 15 * 60_000;
        let rows = 0;
        while (Date.now() < deadline) {
          [[{ rows }]] = await conn.query('SELECT COUNT(*) AS `rows` FROM policy_matches');
          if (Number(rows) >= expected) break;
          await sleep(200);
        }
        return Number(rows);
      }),
    );
    // Nothing more arrives after the count is reached (a second pass writes nothing new).
    await sleep(2000);
    const [[{ rows: settled }]] = await conn.query('SELECT COUNT(*) AS `rows` FROM policy_matches');
    if (Number(settled) !== expected || pass.result.value !== expected) failed = true;

    console.log('');
    console.log(`${RESIDENTS} residents × ${POLICIES} policies; ${expected} person–policy matches (${(expected / POLICIES).toFixed(0)} per policy on average):`);
    printTable(
      [
        ['phase', 'time', 'per policy', 'API peak RSS', '× baseline'],
        ['baseline: read the rows once', `${baseline.ms.toFixed(0)} ms`, '', '', '1.0'],
        [`preview (each of ${POLICIES})`, `p50 ${percentile(previewMs, 50).toFixed(0)} ms, p95 ${percentile(previewMs, 95).toFixed(0)} ms`, `${(previewMs.reduce((a, b) => a + b, 0) / POLICIES).toFixed(0)} ms`, `${previews.peakMb().toFixed(0)} MB`, (percentile(previewMs, 50) / baseline.ms).toFixed(1)],
        [`pass (all ${POLICIES}, rows written)`, `${(pass.result.ms / 1000).toFixed(1)} s`, `${(pass.result.ms / POLICIES).toFixed(0)} ms`, `${pass.peakMb().toFixed(0)} MB`, (pass.result.ms / baseline.ms).toFixed(1)],
      ],
      1,
    );
    console.log(failed ? `the pass wrote ${settled} rows, the previews counted ${expected}` : `the pass wrote exactly the ${expected} rows the previews counted`);
  } catch (e) {
    if (api) console.error(`--- API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await conn?.end();
    await api?.proc.stop();
    await maria.drop();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
