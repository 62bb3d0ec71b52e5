// 验票入场 at a fair's door: 1,000 tickets checked in by 4 staff phones in parallel, on MariaDB. The API
// (scripts/start-api.mjs) migrates a fresh database (dropped at the end); through the API a 镇街 officer
// creates two fairs for tomorrow, 1,000 seekers register (快速登记) and sign up for both, and then:
//   4 phones   the door of fair A: 4 staff phones scan the 1,000 tickets at once (250 each, each phone one
//              after another, as a scanner does); every 10th ticket is scanned a second time by the next
//              phone (a person queueing twice, a retry on weak signal), which must be refused, not counted;
//   1 phone    the door of fair B: one phone scans all 1,000 tickets one after another (the baseline).
// Each prints the answers (200, 409 for a second scan, errors), from the database how many tickets are
// recorded in (must be 1,000), lost (not in) or moved (a second scan that changed the recorded time), the
// throughput and the per-request p50/p95/max. No timed assertion: the run fails only if a check-in is lost,
// doubled or refused. Env: BENCH_TICKETS (default 1000), BENCH_PHONES (default 4), BENCH_MARIADB_URL.
import { performance } from 'node:perf_hooks';
import { apiClient as client, okBody as ok, pool, printTable } from './lib.mjs';
import { addDays, chinaToday } from './gigs-lib.mjs';
import { buildApi, createMariadbDatabase, login, percentile, startApi } from './residents-lib.mjs';

const TICKETS = Number(process.env.BENCH_TICKETS || 1000);
const PHONES = Number(process.env.BENCH_PHONES || 4);
const TOWN = '370406103'; // 桑村镇
const RESCAN = 10;

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_bench_door');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  let failed = false;
  try {
    api = await startApi(maria.url, 'door', { RATE_LIMIT_LOGIN_PER_MIN: '0', RATE_LIMIT_WRITES_PER_MIN: '0' });
    conn = await maria.connect();
    const call = client(api.base);
    const t0 = performance.now();
    const officer = await login(api.base, { role: 'admin', name: '桑村镇干部', regionCode: TOWN });
    const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => login(api.base, { role: 'admin', name: `验票员${i + 1}`, regionCode: TOWN })));
    const day = addDays(chinaToday(), 1);
    const fair = async (title) =>
      ok(
        await call('POST', '/events', officer, { title, series: '春风行动', kind: 'onsite', startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T12:00:00+08:00`, townCode: TOWN, address: '桑村镇政府广场', capacity: TICKETS, description: '现场招聘，带上身份证。' }),
        'POST /events',
      ).id;
    const fairs = { '4 phones': await fair('春风行动·四台手机验票'), '1 phone': await fair('春风行动·一台手机验票') };
    const villages = ok(await call('GET', `/regions?parent=${TOWN}`), 'GET /regions').items;
    const people = await pool(Array.from({ length: TICKETS }, (_, i) => i), 8, async (i) => {
      const token = await login(api.base, { role: 'seeker', name: `求职者${i + 1}` });
      ok(await call('POST', '/me/profile/quick', token, { name: '王秀英', phone: `1390548${String(i).padStart(4, '0')}`, villageCode: villages[i % villages.length].code }), 'quick profile');
      return token;
    });
    const tickets = {};
    for (const [phase, eventId] of Object.entries(fairs)) {
      tickets[phase] = await pool(people, 8, async (token) => ok(await call('POST', `/events/${eventId}/signups`, token, {}), 'sign-up').ticketCode);
    }
    console.log(`set-up on MariaDB ${maria.version} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${TICKETS} people signed up for each of 2 fairs`);

    const rows = [];
    for (const [phase, eventId] of Object.entries(fairs)) {
      const codes = tickets[phase];
      const scan = (phone, code) => call('POST', `/events/${eventId}/check-in`, phone, { ticketCode: `zgkd:ticket:${code}` });
      const started = performance.now();
      let answers;
      if (phase === '1 phone') {
        answers = [];
        for (const code of codes) answers.push(await scan(phones[0], code));
      } else {
        // Phone k scans tickets k, k+PHONES, …; every RESCAN-th ticket is scanned again by the next phone.
        const queues = Array.from({ length: PHONES }, () => []);
        codes.forEach((code, i) => {
          queues[i % PHONES].push(code);
          if (i % RESCAN === 0) queues[(i + 1) % PHONES].push(code);
        });
        answers = (
          await Promise.all(
            queues.map(async (queue, k) => {
              const out = [];
              for (const code of queue) out.push(await scan(phones[k], code));
              return out;
            }),
          )
        ).flat();
      }
      const seconds = (performance.now() - started) / 1000;
      const firstTime = new Map();
      for (const a of answers.filter((x) => x.status === 200)) firstTime.set(a.body.id, firstTime.has(a.body.id) ? 'twice' : a.body.checkedInAt);
      const [[db]] = await conn.query('SELECT SUM(checked_in_at IS NOT NULL) AS inside, SUM(checked_in_at IS NULL) AS lost FROM event_signups WHERE event_id = ?', [eventId]);
      const [stored] = await conn.query('SELECT id, checked_in_at FROM event_signups WHERE event_id = ?', [eventId]);
      const moved = stored.filter((r) => firstTime.get(r.id) === 'twice' || (firstTime.has(r.id) && new Date(firstTime.get(r.id)).getTime() !== new Date(r.checked_in_at).getTime())).length;
      const times = answers.map((a) => a.ms).sort((a, b) => a - b);
      const okCount = answers.filter((a) => a.status === 200).length;
      const rescans = answers.filter((a) => a.status === 409 && /已经在.*入场过了/.test(a.body?.message ?? '')).length;
      const errors = answers.filter((a) => a.status !== 200 && !(a.status === 409 && /已经在.*入场过了/.test(a.body?.message ?? '')));
      const expectedRescans = phase === '1 phone' ? 0 : Math.ceil(TICKETS / RESCAN);
      if (Number(db.inside) !== TICKETS || Number(db.lost) > 0 || moved > 0 || errors.length > 0 || rescans !== expectedRescans || okCount !== TICKETS) failed = true;
      rows.push([
        phase, String(answers.length), (answers.length / seconds).toFixed(1), String(okCount), String(rescans), String(errors.length), `${Number(db.inside)} of ${TICKETS}`, String(Number(db.lost)), String(moved),
        percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), times[times.length - 1].toFixed(1),
      ]);
      console.log(`  ${phase}: ${answers.length} scans in ${seconds.toFixed(1)} s${errors.length ? `; errors: ${[...new Set(errors.map((e) => `${e.status} ${e.body?.message ?? ''}`))].join(' · ')}` : ''}`);
    }
    console.log('');
    console.log(`${TICKETS} tickets per fair; latency of POST /events/:id/check-in in ms (second scans included):`);
    printTable([['door', 'scans', 'scans/s', '200', '409 again', 'errors', 'in once', 'lost', 'twice', 'p50', 'p95', 'max'], ...rows], 1);
    const [four, one] = rows;
    console.log(`  ${PHONES} phones: ${four[2]} scans/s, ×${(Number(four[2]) / Number(one[2])).toFixed(1)} one phone's rate; p95 ${four[10]} ms, ×${(Number(four[10]) / Number(one[10])).toFixed(1)} one phone's p95 (${one[10]} ms)`);
    console.log(failed ? 'a check-in was lost, doubled or refused: see above' : `all ${TICKETS} tickets of each fair in once, none lost, second scans refused`);
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
