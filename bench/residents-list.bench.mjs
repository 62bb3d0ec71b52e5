// GET /residents on a 100,000-resident ledger in MariaDB: the API (scripts/start-api.mjs) migrates a
// fresh database (dropped at the end), the records are bulk-inserted with mysql2 (real ciphertext and
// blind indexes, so the API can read them), then each filter is timed as a 镇街 liaison and as a district
// admin (~200 sequential requests each: p50/p95/p99), with the EXPLAIN of the SQL behind it. Also the
// 台账 export (time, size, API memory) and the 人力资源地图. Figures only; the goal is p95 < 50 ms.
// Env: BENCH_RESIDENTS (default 100000), BENCH_REQUESTS (default 200), BENCH_MARIADB_URL,
// BENCH_KEEP_DATABASE=1 (leave the database in place, for looking into a plan by hand).
import { performance } from 'node:perf_hooks';
import { printTable } from './lib.mjs';
import { buildApi, createMariadbDatabase, groupMemory, insertResidents, KEY_GROUPS, LEDGER_STATUSES, login, percentile, startApi } from './residents-lib.mjs';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS || 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const WARMUP = 20;
const TOWN = '370406001'; // 山城街道, the largest 镇街 (43 村居)

async function timed(base, token, path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

async function measure(base, token, pathFor) {
  for (let i = 0; i < WARMUP; i++) await timed(base, token, pathFor(i));
  const times = [];
  let items = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await timed(base, token, pathFor(i + WARMUP));
    times.push(r.ms);
    items += r.body.items?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1], avgItems: items / REQUESTS };
}

/** The SELECT ResidentsService.list builds for these conditions (same WHERE, ORDER BY and LIMIT). */
const listSql = (where) => `SELECT r.* FROM residents r${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC, r.id DESC LIMIT 21`;
/** A name search's first step (resident-name-search.ts): ids and times of the matches, from a name index; then 21 rows by primary key. */
const nameIdsSql = (where, hint) => `SELECT r.id, r.created_at FROM residents r USE INDEX (${hint}) WHERE ${where.join(' AND ')} LIMIT 2001`;
/** The 人力资源地图's GROUP BY (labor-map.service.ts), statuses and key groups abridged to one of each. */
const laborSql = (groupBy, where, hint = '') =>
  `SELECT ${groupBy}, COUNT(*), SUM(CASE WHEN r.status = 'seeking' THEN 1 ELSE 0 END), SUM(CASE WHEN r.key_groups LIKE '%"veteran"%' ESCAPE '!' THEN 1 ELSE 0 END) FROM residents r${hint ? ` USE INDEX (${hint})` : ''}${where ? ` WHERE ${where}` : ''} GROUP BY ${groupBy}`;

async function explain(conn, sql, params) {
  const [rows] = await conn.query(`EXPLAIN ${sql}`, params);
  return rows.map((r) => `${r.table}: type=${r.type} key=${r.key ?? '—'} rows≈${r.rows} ${r.Extra ?? ''}`.trim()).join(' | ');
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_bench_list');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  try {
    api = await startApi(maria.url, 'list');
    conn = await maria.connect();
    console.log(`MariaDB ${maria.version}: inserting ${RESIDENTS} residents with mysql2 bulk INSERTs…`);
    const insertSeconds = await insertResidents(conn, { count: RESIDENTS });
    const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM residents');
    const [[{ townN }]] = await conn.query('SELECT COUNT(*) AS townN FROM residents WHERE town_code = ?', [TOWN]);
    const [[size]] = await conn.query("SELECT ROUND(data_length / 1048576) AS dataMb, ROUND(index_length / 1048576) AS indexMb FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'residents'");
    console.log(`  ${n} rows in ${insertSeconds.toFixed(1)} s (${Math.round(n / insertSeconds)} rows/s); ${townN} in 山城街道; table ${size.dataMb} MB data + ${size.indexMb} MB indexes`);

    const tokens = {
      liaison: await login(api.base, { role: 'liaison', name: '山城街道联络员', regionCode: TOWN }),
      admin: await login(api.base, { role: 'admin', name: '区人社局' }),
    };
    const [villageRows] = await conn.query("SELECT code FROM regions WHERE level = 'village' ORDER BY code");
    const allVillages = villageRows.map((r) => r.code);
    const townVillages = allVillages.filter((c) => c.startsWith(TOWN));
    const [townRows] = await conn.query("SELECT code FROM regions WHERE level = 'town' ORDER BY code");
    const towns = townRows.map((r) => r.code);
    const statuses = LEDGER_STATUSES.map(([s]) => s);
    const names = ['王秀', '李', '张伟', '刘芳', '陈', '杨明', '赵', '黄华', '周', '吴强', '徐', '孙丽'];

    // Cursors of page 1 for page-2 requests.
    const cursors = {};
    for (const who of ['liaison', 'admin']) {
      cursors[who] = [];
      for (const q of ['', `status=seeking`, `keyGroup=veteran`, `townCode=${TOWN}`]) {
        const r = await timed(api.base, tokens[who], `/residents?${q}`);
        if (r.body.nextCursor) cursors[who].push(`${q ? `${q}&` : ''}cursor=${encodeURIComponent(r.body.nextCursor)}`);
      }
    }

    const scenarios = [
      { name: 'first page, no filter', path: () => '/residents' },
      { name: 'a 村居', path: (who, i) => `/residents?villageCode=${(who === 'liaison' ? townVillages : allVillages)[i % (who === 'liaison' ? townVillages.length : allVillages.length)]}` },
      { name: '镇街 + status', path: (who, i) => `/residents?townCode=${who === 'liaison' ? TOWN : towns[i % towns.length]}&status=${statuses[i % statuses.length]}` },
      { name: 'key group', path: (_who, i) => `/residents?keyGroup=${KEY_GROUPS[i % KEY_GROUPS.length]}` },
      { name: 'name search', path: (_who, i) => `/residents?q=${encodeURIComponent(names[i % names.length])}` },
      { name: 'page 2 (cursor)', path: (who, i) => `/residents?${cursors[who][i % cursors[who].length]}` },
    ];
    const results = [];
    for (const s of scenarios) {
      for (const who of ['liaison', 'admin']) {
        const r = await measure(api.base, tokens[who], (i) => s.path(who, i));
        results.push({ scenario: s.name, who, ...r });
        console.log(`  ${s.name} as ${who === 'liaison' ? '镇街 liaison' : 'admin'}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
      }
    }
    console.log('');
    console.log(`GET /api/v1/residents on ${n} residents, ${REQUESTS} sequential requests per row after ${WARMUP} warm-up (ms):`);
    printTable([
      ['filter', 'caller', 'p50', 'p95', 'p99', 'max', 'items/page'],
      ...results.map((r) => [r.scenario, r.who === 'liaison' ? '镇街 liaison' : 'admin', r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.avgItems.toFixed(1)]),
    ], 2);
    const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    console.log(`worst p95: ${worst.p95.toFixed(1)} ms (${worst.scenario}, ${worst.who}); goal p95 < 50 ms: ${results.every((r) => r.p95 < 50) ? 'met' : 'NOT met'}`);

    console.log('\nEXPLAIN of the SQL behind each filter (liaison rows carry the scope condition town_code = 山城街道):');
    const scope = 'r.town_code = ?';
    const plans = [
      ['no filter, admin', listSql([]), []],
      ['no filter, liaison', listSql([scope]), [TOWN]],
      ['a 村居, admin', listSql(['r.village_code = ?']), [townVillages[3]]],
      ['a 村居, liaison', listSql([scope, 'r.village_code = ?']), [TOWN, townVillages[3]]],
      ['镇街 + status', listSql(['r.town_code = ?', 'r.status = ?']), [TOWN, 'seeking']],
      ['key group, admin', listSql(["r.key_groups LIKE ? ESCAPE '!'"]), ['%"veteran"%']],
      ['key group, liaison', listSql([scope, "r.key_groups LIKE ? ESCAPE '!'"]), [TOWN, '%"veteran"%']],
      ['name search, admin (ids)', nameIdsSql(["r.name LIKE ? ESCAPE '!'"], 'idx_residents_name'), ['%王秀%']],
      ['name search, liaison (ids)', nameIdsSql([scope, "r.name LIKE ? ESCAPE '!'"], 'idx_residents_town_name'), [TOWN, '%王秀%']],
      ['name search, then the page', 'SELECT r.* FROM residents r WHERE r.id IN (?)', [['a', 'b']]],
      ['page 2, admin', listSql(['(r.created_at < ? OR (r.created_at = ? AND r.id < ?))']), [new Date(), new Date(), 'ffffffff']],
      ['page 2, liaison', listSql([scope, '(r.created_at < ? OR (r.created_at = ? AND r.id < ?))']), [TOWN, new Date(), new Date(), 'ffffffff']],
      ['by 身份证号 (q = a full number)', listSql(['r.id_number_hash = ?']), ['0'.repeat(64)]],
    ];
    for (const [label, sql, params] of plans) console.log(`  ${label.padEnd(32)} ${await explain(conn, sql, params)}`);

    console.log('\n台账 export (GET /api/v1/residents/export.xlsx), streamed:');
    for (const [who, label] of [
      ['liaison', `镇街 liaison (${townN} rows)`],
      ['admin', `admin (${n} rows)`],
    ]) {
      const before = groupMemory(api.proc.pid);
      const t0 = performance.now();
      const res = await fetch(`${api.base}/residents/export.xlsx`, { headers: { authorization: `Bearer ${tokens[who]}` } });
      const bytes = (await res.arrayBuffer()).byteLength;
      const seconds = (performance.now() - t0) / 1000;
      const after = groupMemory(api.proc.pid);
      if (res.status !== 200) throw new Error(`export answered ${res.status}`);
      console.log(
        `  ${label}: ${seconds.toFixed(1)} s, ${(bytes / 1048576).toFixed(1)} MB; API RSS ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB, peak RSS so far ${before.peakMb.toFixed(0)} → ${after.peakMb.toFixed(0)} MB`,
      );
    }

    console.log('\n人力资源地图 (GET /api/v1/stats/labor), 20 requests each:');
    for (const [label, who, q] of [
      ['district (11 镇街), admin', 'admin', ''],
      ['山城街道 (43 村居), liaison', 'liaison', ''],
    ]) {
      const times = [];
      for (let i = 0; i < 25; i++) {
        const r = await timed(api.base, tokens[who], `/stats/labor${q}`);
        if (i >= 5) times.push(r.ms);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${label}: p50 ${percentile(times, 50).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
    }
    console.log(`  plan, district: ${await explain(conn, laborSql('r.town_code', '', '`PRIMARY`'), [])}`);
    console.log(`  plan, 镇街:     ${await explain(conn, laborSql('r.village_code', 'r.town_code = ? AND r.village_code BETWEEN ? AND ?'), [TOWN, `${TOWN}000`, `${TOWN}999`])}`);
  } catch (e) {
    if (api) console.error(`--- API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await conn?.end();
    await api?.proc.stop();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`database ${maria.name} kept (BENCH_KEEP_DATABASE=1): drop it when done`);
    else await maria.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
