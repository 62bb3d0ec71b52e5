// The crowd under faults (issue 17, goal: 0 writes or notifications lost, 0 duplicated). The same data and
// 200 mixed clients as bench/crowd-load.bench.mjs (a fresh copy of the seed database), shorter, with every
// write (POST /applications, PATCH /applications/:id, PATCH /residents/:id) carrying an Idempotency-Key and
// retried with the same key and body on a network error, a 5xx, a 429 or a 409 "still running", until it is
// answered (or 120 s have passed: unresolved). SMS and WeChat go to a fake gateway that records every message
// (an SMS's outId too) and answers after BENCH_GATEWAY_LATENCY_MS, so a kill can fall mid-send. Mid-run the
// bench SIGKILLs its own redis-server for BENCH_REDIS_DOWN_SECONDS and starts it again (empty: no persistence),
// then SIGKILLs the API's process group while the gateway holds an SMS (or a WeChat message) unanswered, and
// starts it again on the same port at once (clients keep retrying).
// Afterwards it waits (≤ BENCH_SETTLE_SECONDS) until no delivery is pending or sending, then counts from the
// database and the gateway:
//   writes lost: answered 2xx, yet not in the database (application row, the step of that status, the wage);
//   writes duplicated: one action, several rows (two steps of one status for one application = two notices);
//   answers wrong: a retry told 409 "already applied" for its own first attempt; writes never answered,
//     and of those how many were committed anyway; idempotency records left 'pending' by the killed API;
//   notifications lost: a step without its notice, a notice without its delivery row, a delivery row that never
//     reached the gateway (pending, sending, failed, skipped or "sent" yet not received);
//   notifications duplicated: two deliveries for one notice and channel, a message received more often than the
//     database holds it (by phone or openid and content; SMS after the gateway drops a repeated outId), and how
//     many SMS repeated an outId (a real gateway drops those);
//   and how long after the restart the deliveries the killed API left in 'sending' were settled (goal: 2 min).
// Env: BENCH_SECONDS (load, default 40), BENCH_REDIS_DOWN_SECONDS (15), BENCH_SETTLE_SECONDS (180),
// BENCH_GATEWAY_LATENCY_MS (150), BENCH_LOG_LEVEL (info), API_PROCESSES (passed through, printed),
// BENCH_MARIADB_URL, BENCH_CROWD_DB, BENCH_KEEP_DATABASE=1 (keep the run's copy for a look by hand).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { intEnv, printTable, rng, sleep, tail, tempDir } from './lib.mjs';
import {
  cloneSeed,
  connectDb,
  decryptor,
  dropDatabase,
  ensureSeed,
  killGroup,
  loadRoster,
  logErrors,
  makeClients,
  printLogErrors,
  Recorder,
  runClients,
  SEED_DB,
  startApi,
  startGateway,
  startRedis,
  WriteLedger,
} from './crowd-lib.mjs';
import { buildApi } from './residents-lib.mjs';

const SECONDS = intEnv('BENCH_SECONDS', 40, 20);
const REDIS_DOWN = intEnv('BENCH_REDIS_DOWN_SECONDS', 15, 1);
const SETTLE = intEnv('BENCH_SETTLE_SECONDS', 180, 10);
const LATENCY = intEnv('BENCH_GATEWAY_LATENCY_MS', 150, 0);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'info';
const COUNTS = { anonymous: 90, seekers: 50, employers: 40, liaisons: 20 };
const RUN_DB = `${SEED_DB}_run_fault`;

const t0 = performance.now();
const at = () => `t=${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main() {
  console.log(`${Object.values(COUNTS).reduce((a, b) => a + b, 0)} mixed clients for ${SECONDS} s, every write with an Idempotency-Key and retried; Redis killed for ${REDIS_DOWN} s, then the API SIGKILLed; gateway latency ${LATENCY} ms`);
  console.log(`API: NODE_ENV=production, LOG_LEVEL=${LOG_LEVEL}, API_PROCESSES=${process.env.API_PROCESSES || '(unset)'}; ${availableParallelism()} cores, load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('building the API (incremental)…');
  buildApi();
  const dir = tempDir('zg-bench-crowd-fault-');
  const meta = await ensureSeed(dir);
  console.log(`run database ${RUN_DB}: copied from the seed in ${(await cloneSeed(RUN_DB, meta)).toFixed(1)} s`);
  let redis = await startRedis(dir);
  const gateway = await startGateway(dir, LATENCY);
  let api = await startApi({ dbName: RUN_DB, dir, label: 'api-1', redisUrl: redis.url, gateway: gateway.base, logLevel: LOG_LEVEL });
  const logs = [api.logFile];
  const port = api.port;
  console.log(`API ready in ${api.startSeconds.toFixed(1)} s on ${port}, own redis-server on ${redis.port}`);
  const conn = await connectDb(RUN_DB);
  let killedByUs = false;
  try {
    const roster = await loadRoster(conn);
    const rec = new Recorder();
    const ledger = new WriteLedger({ giveUpMs: 120_000 });
    const ctx = { port: () => port, rec, roster, ledger, rand: rng(29), stopAt: Date.now() + SECONDS * 1000 };
    const runStart = new Date(Date.now() - 1000);
    const loadStart = performance.now();
    console.log(`${at()} load starts`);
    const running = runClients(ctx, makeClients(ctx, COUNTS));

    // An API that dies on its own (not our SIGKILL) is a finding: say so and start it again.
    const watch = setInterval(async () => {
      if (api.proc.exitInfo && !killedByUs) {
        const info = api.proc.exitInfo;
        killedByUs = true;
        console.log(`${at()} the API exited by itself (${JSON.stringify(info)}); log tail:\n${tail(api.logFile, 8)}`);
        api = await startApi({ dbName: RUN_DB, dir, label: `api-${logs.length + 1}`, port, redisUrl: redis.url, gateway: gateway.base, logLevel: LOG_LEVEL });
        logs.push(api.logFile);
        killedByUs = false;
      }
    }, 500);

    const until = (s) => sleep(Math.max(0, loadStart + s * 1000 - performance.now()));
    const redisKillAt = Math.round(SECONDS * 0.2);
    await until(redisKillAt);
    await killGroup(redis.proc);
    console.log(`${at()} redis-server SIGKILLed`);
    await until(redisKillAt + REDIS_DOWN);
    redis = await startRedis(dir, redis.port);
    console.log(`${at()} redis-server started again (empty)`);
    await until(Math.max(redisKillAt + REDIS_DOWN + 3, Math.round(SECONDS * 0.65)));
    // Kill while a message is being sent: wait (≤ 15 s) for an SMS held at the gateway, else take a WeChat one.
    let inflight = await gateway.inflight();
    for (const deadline = Date.now() + 15_000; inflight.sms === 0 && Date.now() < deadline; ) {
      await sleep(10);
      inflight = await gateway.inflight();
    }
    for (const deadline = Date.now() + 5_000; inflight.sms + inflight.wechat === 0 && Date.now() < deadline; ) {
      await sleep(10);
      inflight = await gateway.inflight();
    }
    killedByUs = true;
    await killGroup(api.proc);
    const killedAt = performance.now();
    const soFar = await gateway.messages();
    console.log(`${at()} API process group SIGKILLed with ${inflight.sms} SMS and ${inflight.wechat} WeChat messages in flight at the gateway (${soFar.sms.length} SMS, ${soFar.wechat.length} WeChat received so far); starting it again on the same port`);
    api = await startApi({ dbName: RUN_DB, dir, label: `api-${logs.length + 1}`, port, redisUrl: redis.url, gateway: gateway.base, logLevel: LOG_LEVEL });
    logs.push(api.logFile);
    killedByUs = false;
    const restartedAt = performance.now();
    console.log(`${at()} API answering again, ${((restartedAt - killedAt) / 1000).toFixed(1)} s after the kill`);
    // The rows the killed API left in 'sending': how long until none is (the issue's goal: within 2 minutes).
    const killedWall = new Date(Date.now() - (performance.now() - killedAt));
    const stuckCount = async () => Number((await conn.query("SELECT COUNT(*) AS n FROM notification_deliveries WHERE status = 'sending' AND updated_at <= ?", [killedWall]))[0][0].n);
    const stuck = { left: await stuckCount(), settledAfter: null };
    const stuckWatch = (async () => {
      while (stuck.left > 0 && stuck.settledAfter === null && performance.now() - restartedAt < (SETTLE + 300) * 1000) {
        await sleep(1000);
        if ((await stuckCount()) === 0) stuck.settledAfter = (performance.now() - restartedAt) / 1000;
      }
    })();
    await running;
    console.log(`${at()} load over; every client's writes answered or given up`);
    clearInterval(watch);

    // Wait for the outbox: nothing pending or sending.
    const settleStart = performance.now();
    let open;
    for (;;) {
      const [[row]] = await conn.query("SELECT SUM(status = 'pending') AS pending, SUM(status = 'sending') AS sending FROM notification_deliveries");
      open = { pending: Number(row.pending ?? 0), sending: Number(row.sending ?? 0) };
      const waited = (performance.now() - settleStart) / 1000;
      if (open.pending + open.sending === 0 || waited > SETTLE) break;
      if (Math.floor(waited) % 30 === 0) console.log(`${at()} waiting for deliveries to settle: ${open.pending} pending, ${open.sending} sending`);
      await sleep(1000);
    }
    await sleep(LATENCY + 500); // answers in flight at the gateway
    if (stuck.left > 0 && stuck.settledAfter === null) await Promise.race([stuckWatch, sleep(Math.max(0, restartedAt + (SETTLE + 60) * 1000 - performance.now()))]);
    console.log(
      stuck.left === 0
        ? `${at()} the killed API left no delivery in 'sending'`
        : `${at()} deliveries the killed API left in 'sending': ${stuck.left}, ${stuck.settledAfter === null ? 'not settled' : `all settled ${stuck.settledAfter.toFixed(0)} s after the restart`} (goal: within 120 s)`,
    );
    const settled = open.pending + open.sending === 0;
    console.log(`${at()} deliveries ${settled ? `settled (checked ${((settleStart - restartedAt) / 1000).toFixed(0)} s after the API's restart, then ${((performance.now() - settleStart) / 1000).toFixed(0)} s more)` : `not settled ${SETTLE} s after the load (${open.pending} pending, ${open.sending} sending)`}`);

    console.log('\nrequests during the run (each retry counted; network errors while the API was down are expected here):');
    printTable(rec.rows((performance.now() - loadStart) / 1000).filter((r, i) => i === 0 || /\(all\)|overall|POST|PATCH/.test(r[0])), 1);
    const w = await writeChecks(conn, ledger.entries, runStart);
    const n = await notificationChecks(conn, await gateway.messages(), runStart);
    printReport(w, n);
    for (const [i, f] of logs.entries()) {
      const found = logErrors(f);
      if (found.errors.length || found.routes.length) {
        console.log(`\nAPI run ${i + 1} (${i === 0 ? 'before the kill' : 'after the restart'}):`);
        printLogErrors(found);
      }
    }
  } finally {
    await conn.end();
    await api.proc.stop(10_000);
    await redis.proc.stop();
    await gateway.proc.stop();
    if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(RUN_DB);
    else console.log(`kept ${RUN_DB}`);
  }
}

const idList = (xs) => (xs.length ? xs : ['-']);

/** What the clients believe against what the database holds. */
async function writeChecks(conn, entries, runStart) {
  const of = (op) => entries.filter((e) => e.op === op);
  const out = { ops: {} };
  for (const op of ['apply', 'patch', 'resident']) {
    const list = of(op);
    const refused = new Map();
    for (const e of list.filter((x) => x.outcome === 'refused')) refused.set(e.answers.at(-1), (refused.get(e.answers.at(-1)) ?? 0) + 1);
    out.ops[op] = {
      total: list.length,
      done: list.filter((e) => e.outcome === 'done').length,
      refused: [...refused].map(([s, c]) => `${s}:${c}`).join(' ') || '0',
      unresolved: list.filter((e) => e.outcome === 'unresolved').length,
      retried: list.filter((e) => e.attempts > 1).length,
      pendingSeen: list.filter((e) => e.answers.includes('409-pending')).length,
    };
  }
  // Applications: the row of each 201, and whether an unanswered one was committed anyway.
  const applies = of('apply');
  const [appRows] = await conn.query('SELECT id, post_id AS postId, resident_id AS residentId FROM applications WHERE created_at >= ?', [runStart]);
  const appIds = new Set(appRows.map((r) => r.id));
  const appPairs = new Set(appRows.map((r) => `${r.postId}|${r.residentId}`));
  const [applied] = await conn.query("SELECT s.application_id AS id, COUNT(*) AS n FROM application_steps s WHERE s.status = 'applied' AND s.at >= ? GROUP BY s.application_id HAVING n > 1", [runStart]);
  out.applyLost = applies.filter((e) => e.outcome === 'done' && !appIds.has(e.body?.id)).length;
  out.applyDup = applied.reduce((a, r) => a + Number(r.n) - 1, 0);
  out.applyUnresolvedCommitted = applies.filter((e) => e.outcome === 'unresolved' && appPairs.has(`${e.postId}|${e.residentId}`)).length;
  // A retry (the first attempt's answer lost) told 409 "已经投递过" though the first attempt had made it.
  out.applyWrongAnswer = applies.filter((e) => e.outcome === 'refused' && e.attempts > 1 && e.answers.at(-1) === 409 && appPairs.has(`${e.postId}|${e.residentId}`)).length;

  // Status changes: the step of each 200, and at most one step per (application, status) made in the run.
  const [stepRows] = await conn.query('SELECT application_id AS id, status, COUNT(*) AS n FROM application_steps WHERE at >= ? GROUP BY application_id, status', [runStart]);
  const steps = new Map(stepRows.map((r) => [`${r.id}|${r.status}`, Number(r.n)]));
  const patches = of('patch');
  out.patchLost = patches.filter((e) => e.outcome === 'done' && !steps.has(`${e.applicationId}|${e.status}`)).length;
  const dupSteps = stepRows.filter((r) => Number(r.n) > 1 && r.status !== 'applied');
  out.patchDup = dupSteps.reduce((a, r) => a + Number(r.n) - 1, 0);
  out.patchDupByStatus = [...new Set(dupSteps.map((r) => r.status))].map((s) => `${s}:${dupSteps.filter((r) => r.status === s).reduce((a, r) => a + Number(r.n) - 1, 0)}`).join(' ');
  out.patchUnresolvedCommitted = patches.filter((e) => e.outcome === 'unresolved' && steps.has(`${e.applicationId}|${e.status}`)).length;

  // Residents: the last write to each person, when it was answered 200, holds.
  const last = new Map();
  for (const e of of('resident')) last.set(e.residentId, e);
  const checked = [...last.values()].filter((e) => e.outcome === 'done');
  const [resRows] = await conn.query('SELECT id, expected_wage_min AS wage FROM residents WHERE id IN (?)', [idList(checked.map((e) => e.residentId))]);
  const wage = new Map(resRows.map((r) => [r.id, Number(r.wage)]));
  out.residentLost = checked.filter((e) => wage.get(e.residentId) !== e.wage).length;
  out.residentChecked = checked.length;
  // Keys whose first request never finished (its process was killed): a retry with them is answered 409 "still running".
  const [[idem]] = await conn.query("SELECT COUNT(*) AS n, MIN(created_at) AS first, MAX(created_at) AS last FROM idempotency_records WHERE state = 'pending'");
  out.pendingKeys = { n: Number(idem.n), first: idem.first, last: idem.last };
  out.lost = out.applyLost + out.patchLost + out.residentLost;
  out.dup = out.applyDup + out.patchDup;
  return out;
}

/** Notices and deliveries in the database against what the gateway received. */
async function notificationChecks(conn, messages, runStart) {
  const out = {};
  // Each step of the run has its notice: 'applied' the employer's members; viewed and rejected the applicant
  // with an account; interview and offered the applicant always (by SMS when without an account).
  const [steps] = await conn.query(
    'SELECT s.id, s.status, r.user_id AS userId FROM application_steps s JOIN applications a ON a.id = s.application_id JOIN residents r ON r.id = a.resident_id WHERE s.at >= ?',
    [runStart],
  );
  const [keys] = await conn.query("SELECT event_key AS k FROM notifications WHERE event_key LIKE 'step:%'");
  const noticed = new Set(keys.map((r) => r.k.split(':')[1]));
  const expects = (s) => s.status === 'applied' || s.status === 'interview' || s.status === 'offered' || ((s.status === 'viewed' || s.status === 'rejected') && s.userId);
  out.stepsChecked = steps.filter(expects).length;
  out.stepsWithoutNotice = steps.filter((s) => expects(s) && !noticed.has(s.id)).length;

  // Each notice has its delivery row per channel (every account has an openid and subscriptions; SMS when it has a phone to go to).
  const [perNotice] = await conn.query(
    `SELECT n.id, n.user_id AS userId, n.resident_id AS residentId, n.sms_text AS smsText,
            SUM(d.channel = 'wechat') AS wechat, SUM(d.channel = 'sms') AS sms
       FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_id = n.id GROUP BY n.id, n.user_id, n.resident_id, n.sms_text`,
  );
  out.notices = perNotice.length;
  out.noticeWithoutDelivery = perNotice.filter((n) => (n.userId && !Number(n.wechat)) || (n.residentId && n.smsText && !Number(n.sms))).length;
  out.twoDeliveriesOneNotice = perNotice.reduce((a, n) => a + Math.max(0, Number(n.wechat ?? 0) - 1) + Math.max(0, Number(n.sms ?? 0) - 1), 0);

  const [states] = await conn.query('SELECT channel, status, COUNT(*) AS n FROM notification_deliveries GROUP BY channel, status ORDER BY channel, status');
  out.states = states.map((s) => `${s.channel} ${s.status}:${s.n}`).join(', ');
  const [reasons] = await conn.query("SELECT channel, status, last_error AS reason, COUNT(*) AS n FROM notification_deliveries WHERE status IN ('failed', 'skipped', 'pending', 'sending') GROUP BY channel, status, last_error ORDER BY n DESC LIMIT 8");
  out.reasons = reasons.map((r) => `${r.n} × ${r.channel} ${r.status}${r.reason ? ` (${r.reason})` : ''}`);

  // Against the gateway, by content: SMS by phone and text, WeChat by openid, template and data.
  const decrypt = decryptor();
  const [smsRows] = await conn.query(
    "SELECT d.id, d.idempotency_key AS dkey, d.status, n.sms_text AS text, r.phone_cipher AS phone FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN residents r ON r.id = n.resident_id WHERE d.channel = 'sms'",
  );
  const [wxRows] = await conn.query(
    "SELECT d.id, d.status, d.template_id AS templateId, n.wechat_data AS data, u.wechat_openid AS openid FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.user_id WHERE d.channel = 'wechat'",
  );
  const canonical = (json) => JSON.stringify(JSON.parse(json ?? 'null'));
  // The gateway drops an SMS whose outId it has seen (as a real one does); WeChat has no such key.
  const seenOutIds = new Set();
  let repeatedOutId = 0;
  const smsDelivered = messages.sms.filter((m) => {
    if (m.outId === null) return true;
    if (seenOutIds.has(m.outId)) {
      repeatedOutId += 1;
      return false;
    }
    seenOutIds.add(m.outId);
    return true;
  });
  const compare = (dbRows, keyOfRow, received, keyOfMsg) => {
    const db = new Map();
    for (const r of dbRows) {
      const k = keyOfRow(r);
      const e = db.get(k) ?? { rows: 0, sent: 0, failed: 0 };
      e.rows += 1;
      if (r.status === 'sent') e.sent += 1;
      if (r.status === 'failed') e.failed += 1;
      db.set(k, e);
    }
    const got = new Map();
    for (const m of received) got.set(keyOfMsg(m), (got.get(keyOfMsg(m)) ?? 0) + 1);
    const c = { lost: 0, lostFailed: 0, dup: 0, sentNotReceived: 0, receivedNotSent: 0, unknown: 0 };
    for (const [k, e] of db) {
      const g = got.get(k) ?? 0;
      c.lost += Math.max(0, e.rows - g);
      c.lostFailed += Math.min(Math.max(0, e.rows - g), e.failed);
      c.dup += Math.max(0, g - e.rows);
      c.sentNotReceived += Math.max(0, e.sent - g);
      c.receivedNotSent += Math.max(0, Math.min(g, e.rows) - e.sent);
    }
    for (const [k, g] of got) if (!db.has(k)) c.unknown += g;
    return c;
  };
  out.sms = compare(smsRows, (r) => `${decrypt(r.phone)}|${r.text}`, smsDelivered, (m) => `${m.to}|${m.text}`);
  out.sms.received = messages.sms.length;
  out.sms.rows = smsRows.length;
  out.sms.withoutOutId = messages.sms.filter((m) => m.outId === null).length;
  out.sms.repeatedOutId = repeatedOutId;
  const dbIds = new Set(smsRows.flatMap((r) => [r.id, r.dkey]));
  out.sms.outIdNotADelivery = messages.sms.filter((m) => m.outId !== null && !dbIds.has(m.outId)).length;
  out.wechat = compare(wxRows, (r) => `${r.openid}|${r.templateId}|${canonical(r.data)}`, messages.wechat, (m) => `${m.touser}|${m.templateId}|${m.data}`);
  out.wechat.received = messages.wechat.length;
  out.wechat.rows = wxRows.length;
  out.lost = out.stepsWithoutNotice + out.noticeWithoutDelivery + out.sms.lost + out.wechat.lost;
  out.dup = out.twoDeliveriesOneNotice + out.sms.dup + out.wechat.dup;
  return out;
}

function printReport(w, n) {
  console.log('\nwrites (as the clients saw them; refused = a 4xx first answer, e.g. 409 already applied):');
  printTable([
    ['write', 'actions', 'done', 'refused', 'unresolved', 'retried', 'saw 409 still running'],
    ...Object.entries(w.ops).map(([op, o]) => [{ apply: 'POST /applications', patch: 'PATCH /applications/:id', resident: 'PATCH /residents/:id' }[op], o.total, o.done, o.refused, o.unresolved, o.retried, o.pendingSeen].map(String)),
  ]);
  console.log(`  lost (answered 2xx, not in the database): applications ${w.applyLost}, status changes ${w.patchLost}, resident edits ${w.residentLost} (of ${w.residentChecked} checked)`);
  console.log(`  duplicated (one action, several rows): applications ${w.applyDup}, status changes ${w.patchDup}${w.patchDupByStatus ? ` (${w.patchDupByStatus})` : ''}`);
  console.log(`  wrong answers: ${w.applyWrongAnswer} retries told 409 "already applied" for their own first attempt; never answered yet committed: ${w.applyUnresolvedCommitted} applications, ${w.patchUnresolvedCommitted} status changes`);
  if (w.pendingKeys.n) console.log(`  idempotency records still 'pending' at the end: ${w.pendingKeys.n} (written ${w.pendingKeys.first?.toISOString()} – ${w.pendingKeys.last?.toISOString()})`);
  console.log('\nnotifications:');
  console.log(`  ${n.notices} notices; deliveries by state: ${n.states}`);
  for (const r of n.reasons) console.log(`    ${r}`);
  console.log(`  steps without their notice: ${n.stepsWithoutNotice} of ${n.stepsChecked}; notices without their delivery row: ${n.noticeWithoutDelivery}; two deliveries for one notice and channel: ${n.twoDeliveriesOneNotice}`);
  printTable([
    ['channel', 'rows', 'received', 'lost', 'of which failed (an admin sees)', 'duplicated', 'sent, not received', 'received, not recorded sent', 'received, unknown'],
    ...[['SMS', n.sms], ['WeChat', n.wechat]].map(([c, x]) => [c, x.rows, x.received, x.lost, x.lostFailed, x.dup, x.sentNotReceived, x.receivedNotSent, x.unknown].map(String)),
  ]);
  console.log(`  SMS outId: ${n.sms.withoutOutId} of ${n.sms.received} received without one; ${n.sms.repeatedOutId} repeated an outId (dropped by the gateway, not counted as duplicates); ${n.sms.outIdNotADelivery} outIds that are no delivery's id or key`);
  console.log('');
  console.log(`writes: ${w.lost} lost, ${w.dup} duplicated; notifications: ${n.lost} lost, ${n.dup} duplicated`);
  const ok = w.lost + w.dup + n.lost + n.dup === 0;
  console.log(`goal: 0 lost and 0 duplicated: ${ok ? 'met' : 'not met'}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
