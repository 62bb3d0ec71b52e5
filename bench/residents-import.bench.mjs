// 批量导入 of a 5,000-row sheet (valid 身份证号s, phones, the 村居 of one 镇街 by name) as that 镇街's
// liaison, over HTTP against the real API (scripts/start-api.mjs), on SQLite and on a fresh MariaDB
// database (dropped at the end): a dry run, the import, and the same sheet again (all updates).
// Figures only (goal: the import under 30 s). Env: BENCH_IMPORT_ROWS (default 5000), BENCH_MARIADB_URL.
/* global FormData, Blob */ // Node ≥ 18 globals (undici)
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printTable, tempDir } from './lib.mjs';
import { buildApi, createMariadbDatabase, groupMemory, login, nthIdNumber, nthName, nthPhone, startApi } from './residents-lib.mjs';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 5000);
const TOWN = '370406106'; // 徐庄镇, 42 村居
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['姓名', '身份证号', '手机号', '村居名称', '文化程度', '技能', '想干的活', '可接受的用工方式', '期望工资', '工资单位', '最远通勤公里', '重点群体', '同意方式', '同意时间'];
const EDUCATION = ['小学', '初中', '初中', '高中', '中专/技校', '大专'];
const SKILLS = ['缝纫、包装', '电焊', '叉车证、驾驶', '', '采摘', '保洁、做饭'];
const JOBS = ['包装工、保洁员', '电焊工', '叉车司机', '樱桃采摘工', '保洁员', '焊工'];
const AVAIL = ['全职', '全职、零工', '零工', '季节工', '兼职'];
const GROUPS = ['', '', '', '', '返乡农民工', '脱贫人口', '退役军人', '就业困难人员、脱贫人口'];

async function villagesOf(base, token) {
  const res = await fetch(`${base}/regions?parent=${TOWN}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /regions ${res.status}`);
  return (await res.json()).items;
}

async function buildSheet(villages) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(HEADERS);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([
      nthName(i),
      nthIdNumber(i),
      nthPhone(i),
      villages[i % villages.length].name,
      EDUCATION[i % EDUCATION.length],
      SKILLS[i % SKILLS.length],
      JOBS[i % JOBS.length],
      AVAIL[i % AVAIL.length],
      i % 4 === 0 ? null : 2500 + (i % 30) * 100,
      i % 4 === 0 ? null : '元/月',
      i % 3 === 0 ? null : 5 + (i % 40),
      GROUPS[i % GROUPS.length],
      i % 2 ? '本人签字' : '口头同意',
      new Date(Date.UTC(2025, i % 12, 1 + (i % 28))),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(base, token, file, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([file], { type: XLSX }), 'residents.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${base}/residents/import?dryRun=${dryRun}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  if (body.failed) console.warn(`  ${body.failed} rows failed, e.g. ${JSON.stringify(body.errors.slice(0, 3))}`);
  return { ms, report: body };
}

async function run(label, databaseUrl) {
  const api = await startApi(databaseUrl, label);
  try {
    const token = await login(api.base, { role: 'liaison', name: '徐庄镇联络员', regionCode: TOWN });
    const t0 = performance.now();
    const file = await buildSheet(await villagesOf(api.base, token));
    const buildMs = performance.now() - t0;
    const steps = [];
    for (const [step, dryRun] of [
      ['dry run (all new)', true],
      ['import', false],
      ['same sheet again', false],
    ]) {
      const r = await upload(api.base, token, file, dryRun);
      steps.push({ label, step, ...r });
      console.log(`  ${label}: ${step}: ${(r.ms / 1000).toFixed(2)} s (created ${r.report.created}, updated ${r.report.updated}, failed ${r.report.failed})`);
    }
    const mem = groupMemory(api.proc.pid);
    return { steps, fileBytes: file.length, buildMs, mem };
  } catch (e) {
    console.error(`--- ${label} API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await api.proc.stop();
  }
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  console.log(`importing ${ROWS} rows as the 徐庄镇 liaison over HTTP (POST /api/v1/residents/import)`);
  const results = [];
  results.push(await run('SQLite', `sqlite:${join(tempDir(), 'bench.sqlite')}`));
  const maria = await createMariadbDatabase('zaogong_bench_import');
  if (maria) {
    try {
      results.push(await run(`MariaDB ${maria.version.split('-')[0]}`, maria.url));
    } finally {
      await maria.drop();
    }
  }
  console.log('');
  const rows = [['database', 'step', 'seconds', 'rows/s', 'created', 'updated', 'failed']];
  for (const r of results) {
    for (const s of r.steps) rows.push([s.label, s.step, (s.ms / 1000).toFixed(2), String(Math.round(ROWS / (s.ms / 1000))), String(s.report.created), String(s.report.updated), String(s.report.failed)]);
  }
  printTable(rows, 2);
  console.log('');
  const r0 = results[0];
  console.log(`sheet: ${ROWS} rows, ${(r0.fileBytes / 1024).toFixed(0)} KB, built by exceljs in ${(r0.buildMs / 1000).toFixed(2)} s (not timed above)`);
  for (const r of results) if (r.mem) console.log(`${r.steps[0].label}: API process RSS after the imports ${r.mem.rssMb.toFixed(0)} MB, peak ${r.mem.peakMb.toFixed(0)} MB`);
  console.log('goal: the import of 5,000 rows under 30 s');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
