// Browser end-to-end test of the employer's and the admin's 零工 screens on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/gigs-employer.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots/gigs-employer puts the screenshots there.)
//
// An employer with a gig today (starting 23:59, so today still takes sign-ups) and tomorrow finds its 零工名单
// from the employer home: the day's numbers, three people in order (the third waiting), full phones, 出勤.
// It adds a place (the waiting one moves up), stops and resumes sign-ups, opens the 现场码 (the code on the
// screen is the code a check-in takes: a seeker checks in with it through the API), records a pay that is far
// above the rate (the question is asked, and the pay is sent again with confirmUnusual), confirms the worker's
// 收工 and rates them. The worker disputes the pay; the admin opens 权益维护 from the admin home, sees the
// evidence, and refers the case to 劳动监察 with a note; the worker's GET /disputes/:id shows that step. A 镇街
// officer of another 镇街 does not see it. Each main screen is shot normal and in 大字模式.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, creditCodeOf, launchBrowser, pageHelpers, startApi } from './support.mjs';

/** @type {Awaited<ReturnType<typeof startApi>> | undefined} */
let api;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let pageErrors = [];
let failedApiCalls = [];
/** @type {ReturnType<typeof pageHelpers>} */
let h;

const SANGCUN = '370406103';
const OTHER_TOWN = '370406104';
const TITLE = '摘花椒帮工';
const WORKERS = [
  { name: '王大力', phone: '13905471001' },
  { name: '李秀英', phone: '13905471002' },
  { name: '赵铁柱', phone: '13905471003' },
];

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
const sheet = (title) => shown('.zg-sheet', { hasText: title });

/** The China date, `days` from today. */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
const TODAY = chinaDate();
const TOMORROW = chinaDate(1);

const rosterOf = (date = TODAY) => call('GET', `/gigs/${postId}/roster?date=${date}`, { token: employer.token });
const person = (name) => shown('.gr-person', { hasText: name });

let employer; // the employer's login answer
let adminSession;
let postId = '';
let village;
/** The seekers' tokens and their sign-ups (today), in the order they signed up. */
const seekers = [];

describe('零工: the employer’s day and the admin’s 权益维护 in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    await page.setViewportSize({ width: 375, height: 812 }); // the narrowest phone the pages are made for
    village = (await h.getJson(`/regions?parent=${SANGCUN}`)).items[0];

    adminSession = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    employer = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '张经理' } });
    const firm = await call('POST', '/employers', {
      token: employer.token,
      body: {
        name: '山亭区桑村花椒种植专业合作社',
        creditCode: creditCodeOf('MA7G1G01'),
        industryCode: 'A',
        townCode: SANGCUN,
        address: '桑村镇户口村东岭',
        contactName: '张经理',
        contactPhone: '13905462211',
      },
    });
    await call('POST', `/employers/${firm.id}/verify`, { token: adminSession.token, body: { approve: true } });
    const post = await call('POST', '/posts', {
      token: employer.token,
      body: {
        title: TITLE,
        occupationCode: '5-01-01',
        description: '帮忙摘花椒，按天结算，男女不限，管午饭。',
        skills: ['摘花椒'],
        wageMin: 180,
        wageMax: 220,
        wageUnit: 'day',
        type: 'gig',
        headcount: 2,
        townCode: SANGCUN,
        villageCode: village.code,
        address: '户口村东岭花椒园',
        lat: 35.0812,
        lng: 117.4021,
        startDate: TODAY,
        endDate: TOMORROW,
        workStartTime: '23:59',
      },
    });
    postId = post.id;
    await call('POST', `/posts/${postId}/review`, { token: adminSession.token, body: { approve: true } });

    for (const [i, w] of WORKERS.entries()) {
      const { token } = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: `工人${i + 1}` } });
      await call('POST', '/me/profile/quick', { token, body: { name: w.name, phone: w.phone, villageCode: village.code } });
      const signup = await call('POST', `/gigs/${postId}/signups`, { token, body: { date: TODAY } });
      seekers.push({ token, signup });
    }
    assert.deepEqual(
      seekers.map((s) => s.signup.status),
      ['confirmed', 'confirmed', 'waitlisted'],
    );
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the employer reaches the 零工名单 from the employer home; the post card has it too', STEP, async () => {
    await h.useSession(employer);
    await h.open('/packages/employer/pages/home/index');
    const card = shown('.mp-card', { hasText: TITLE });
    await card.waitFor();
    await card.locator('.mp-gig', { hasText: '看报名名单/现场码' }).waitFor();
    assert.equal(await card.locator('.mp-applicants').count(), 0, 'no empty 报名的人 button on a 零工');
    await h.fullShot('gigs-employer-home');
    await shown('.eh-action-gigs', { hasText: '零工：报名名单和现场码' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/gig-roster\/index\?postId=/);
    await shown('.gr-title', { hasText: TITLE }).waitFor();
  });

  it('shows today’s numbers and the people in order, with full phones, 出勤 and the waiting place', STEP, async () => {
    await shown('.gr-day-title', { hasText: /^今天 / }).waitFor();
    // The day switcher has both working days, today chosen.
    await shown('.gr-days .zg-chip-on', { hasText: '今天' }).waitFor();
    await shown('.gr-days .zg-chip', { hasText: '明天' }).waitFor();
    const nums = await shown('.gr-num').allInnerTexts();
    assert.deepEqual(
      nums.map((t) => t.replace(/\s+/g, '')),
      ['2人要几个人', '2人已报上', '1人排队', '0人还差'],
    );
    const names = await shown('.gr-person .gr-name').allInnerTexts();
    assert.deepEqual(names, WORKERS.map((w) => w.name), 'in sign-up order');
    for (const w of WORKERS.slice(0, 2)) {
      const p = person(w.name);
      await p.locator('.gr-status', { hasText: '已报上' }).waitFor();
      assert.equal((await p.locator('.gr-phone').innerText()).trim(), w.phone, 'the employer sees the full phone');
      await p.locator('.gr-call', { hasText: '打电话' }).waitFor();
      await p.locator('.gr-record', { hasText: '第一次来干零工' }).waitFor();
    }
    await person(WORKERS[2].name).locator('.gr-status', { hasText: '排队第1' }).waitFor();
    assert.equal(await shown('.gr-act-noshow').count(), 0, '记为没来 only after the start (23:59)');
    await shown('.gr-foot', { hasText: '开工（23:59）以后' }).waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-employer-roster');
  });

  it('加人数: one more place and the waiting person moves up', STEP, async () => {
    await shown('.gr-more', { hasText: '加人数' }).click();
    const s = sheet('要几个人？');
    await s.locator('.gs-count-n', { hasText: '3' }).waitFor();
    const patched = page.waitForResponse((r) => r.url().includes(`/gigs/${postId}/days/${TODAY}`) && r.request().method() === 'PATCH');
    await s.locator('.cs-submit', { hasText: '改成3人' }).click();
    const res = await patched;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { headcount: 3 });
    await person(WORKERS[2].name).locator('.gr-status', { hasText: '已报上' }).waitFor();
    const { day } = await rosterOf();
    assert.deepEqual({ headcount: day.headcount, confirmed: day.confirmed, waitlisted: day.waitlisted }, { headcount: 3, confirmed: 3, waitlisted: 0 });
  });

  it('停止报名 asks first and stops new sign-ups; 恢复报名 opens them again', STEP, async () => {
    await shown('.gr-stop', { hasText: '停止报名' }).click();
    await sheet('停止今天').locator('.cs-submit', { hasText: '停止报名' }).click();
    await shown('.gr-closed', { hasText: '这天已停止报名' }).waitFor();
    assert.equal((await rosterOf()).day.closed, true);
    const late = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: '晚来的人' } });
    await call('POST', '/me/profile/quick', { token: late.token, body: { name: '孙晚来', phone: '13905471009', villageCode: village.code } });
    const refused = await fetch(`${h.apiBase}/gigs/${postId}/signups`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${late.token}` },
      body: JSON.stringify({ date: TODAY }),
    });
    assert.equal(refused.status, 409, 'a closed day takes no sign-ups');
    await h.shot('gigs-employer-closed');
    await shown('.gr-reopen', { hasText: '恢复报名' }).click();
    await sheet('恢复今天').locator('.cs-submit', { hasText: '恢复报名' }).click();
    await shown('.gr-stop', { hasText: '停止报名' }).waitFor();
    assert.equal((await rosterOf()).day.closed, false);
  });

  it('the 现场码 on the screen is the code a check-in takes', STEP, async () => {
    const served = page.waitForResponse((r) => r.url().includes(`/gigs/${postId}/site-code?date=${TODAY}`));
    await shown('.gr-site', { hasText: '打开现场码' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/site-code\/index\?postId=/);
    const answer = await (await served).json();
    await shown('.sc-say', { hasText: '让工人用小程序扫这个码上工，或输入这6位数字' }).waitFor();
    await shown('.sc .zg-qr-img').waitFor();
    await shown('.sc-countdown', { hasText: /^\d+秒后换新码$/ }).waitFor();
    const code = (await shown('.sc-code').innerText()).replace(/\s+/g, '');
    assert.match(code, /^\d{6}$/);
    assert.equal(code, answer.code, 'the screen shows the code the API gave');
    assert.ok(answer.qrText.includes(`code=${code}`), 'the QR carries the same code');
    const checkedIn = await call('POST', '/gigs/check-in', { token: seekers[0].token, body: { code } });
    assert.equal(checkedIn.status, 'checked_in');
    assert.equal(checkedIn.id, seekers[0].signup.id);
    // A wrong code is refused (the screen's code is not just any six digits).
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await fetch(`${h.apiBase}/gigs/check-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${seekers[1].token}` },
      body: JSON.stringify({ code: wrong }),
    });
    assert.equal(refused.status, 400);
    // The count of people checked in catches up by itself (it is asked again every few seconds).
    await shown('.sc-count', { hasText: /已上工\s*1\s*人/ }).waitFor({ timeout: 20_000 });
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-employer-site-code');

    const normal = await h.fontSize(shown('.sc-say'));
    await h.setLargeText(true);
    await shown('.sc-code').waitFor();
    const large = await h.fontSize(shown('.sc-say'));
    assert.ok(large > normal, `大字模式 makes the words bigger (${normal} → ${large})`);
    assert.equal(await h.scrollsSideways(), false, 'the big code fits the phone in 大字模式');
    await h.fullShot('gigs-employer-site-code-large');
    await h.setLargeText(false);
  });

  it('登记工钱: far above the rate is asked about, then sent again with confirmUnusual', STEP, async () => {
    await h.open(`/packages/employer/pages/gig-roster/index?postId=${postId}&date=${TODAY}`);
    const worker = person(WORKERS[0].name);
    await worker.locator('.gr-status', { hasText: '已上工' }).waitFor();
    await worker.locator('.gr-times', { hasText: /上工 \d{2}:\d{2}/ }).waitFor();
    await worker.locator('.gr-act-pay', { hasText: '登记工钱' }).click();
    const pay = sheet(`登记${WORKERS[0].name}的工钱`);
    await pay.locator('.gs-agreed', { hasText: '每天180–220元' }).waitFor();
    await pay.locator('.gs-amount input').fill('2000');
    await pay.locator('.zg-sheet-option', { hasText: '现金' }).click();
    await h.shot('gigs-employer-pay');

    const asked = page.waitForResponse((r) => r.url().endsWith(`/gigs/signups/${seekers[0].signup.id}/pay`));
    await pay.locator('.gs-submit', { hasText: '登记工钱' }).click();
    assert.equal((await asked).status(), 409);
    const question = sheet('工钱是不是填多了？');
    await question.locator('.gs-unusual', { hasText: '2000元比约定的180–220元高很多' }).waitFor();
    await h.shot('gigs-employer-pay-question');
    // 回去改 keeps what was typed.
    await question.locator('.cs-cancel', { hasText: '回去改' }).click();
    assert.equal(await pay.locator('.gs-amount input').inputValue(), '2000');
    await pay.locator('.gs-submit').click();
    await sheet('工钱是不是填多了？').waitFor();
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/gigs/signups/${seekers[0].signup.id}/pay`) && r.status() === 200);
    await sheet('工钱是不是填多了？').locator('.cs-submit', { hasText: '没填错，是2000元' }).click();
    const body = (await confirmed).request().postDataJSON();
    assert.equal(body.amount, 2000);
    assert.equal(body.method, 'cash');
    assert.equal(body.confirmUnusual, true);
    assert.match(body.paidAt, new RegExp(`^${TODAY}T\\d{2}:\\d{2}:00\\+08:00$`), 'paid today, China time');
    await worker.locator('.gr-pay', { hasText: '2000元' }).waitFor();
    await worker.locator('.gr-pay-state', { hasText: '等工人确认' }).waitFor();
  });

  it('收工 for the worker, and 评价 once', STEP, async () => {
    const worker = person(WORKERS[0].name);
    await worker.locator('.gr-act-out', { hasText: '收工' }).click();
    const out = page.waitForResponse((r) => r.url().endsWith('/gigs/check-out'));
    await sheet(`${WORKERS[0].name}收工了？`).locator('.cs-submit', { hasText: '确认收工' }).click();
    const res = await out;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { signupId: seekers[0].signup.id });
    await worker.locator('.gr-status', { hasText: '已收工' }).waitFor();
    await worker.locator('.gr-times', { hasText: /收工 \d{2}:\d{2}/ }).waitFor();

    await worker.locator('.gr-act-rate', { hasText: '评价' }).click();
    const rate = sheet(`评价${WORKERS[0].name}`);
    await rate.locator('.gs-submit').click();
    await rate.locator('.gs-error', { hasText: '请点星星' }).waitFor();
    await rate.locator('.sp-star').nth(4).click();
    await rate.locator('.zg-chip', { hasText: '干活利索' }).click();
    await h.shot('gigs-employer-rate');
    const rated = page.waitForResponse((r) => r.url().endsWith(`/gigs/signups/${seekers[0].signup.id}/rating`));
    await rate.locator('.gs-submit').click();
    const answer = await rated;
    assert.equal(answer.status(), 201);
    assert.deepEqual(answer.request().postDataJSON(), { stars: 5, tags: ['干活利索'] });
    await worker.locator('.gr-rated', { hasText: '您已评价过' }).waitFor();
    assert.equal(await worker.locator('.gr-act-rate').count(), 0, 'rated once');
    const { items } = await rosterOf();
    const row = items.find((s) => s.id === seekers[0].signup.id);
    assert.equal(row.status, 'checked_out');
    assert.deepEqual(row.rated, { byEmployer: true, byWorker: false });
    assert.equal(row.attendance.daysWorked, 1);
    await h.fullShot('gigs-employer-roster-done');

    await h.setLargeText(true);
    await person(WORKERS[0].name).waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-employer-roster-large');
    await h.setLargeText(false);
  });

  it('tomorrow: the day switcher shows it, with no 现场码 yet', STEP, async () => {
    await shown('.gr-days .zg-chip', { hasText: '明天' }).click();
    await shown('.gr-day-title', { hasText: /^明天 / }).waitFor();
    await shown('.gr-site-later', { hasText: '当天打开' }).waitFor();
    assert.equal(await shown('.gr-site').count(), 0);
    await shown('.zg-state-title', { hasText: /^明天 .*还没有人报名$/ }).waitFor();
  });

  it('the post form shows the gig’s 开工时间', STEP, async () => {
    await h.open(`/packages/employer/pages/post-form/index?id=${postId}`);
    const time = shown('#pf-workStartTime .pf-time', { hasText: '每天 23:59 开工' });
    await time.waitFor();
    await time.scrollIntoViewIfNeeded();
    await h.shot('gigs-employer-post-form-time');
  });

  it('the worker disputes the pay; the admin refers it to 劳动监察 from 权益维护', STEP, async () => {
    const dispute = await call('POST', `/gigs/signups/${seekers[0].signup.id}/dispute`, {
      token: seekers[0].token,
      body: { reason: 'underpaid', note: '说好一天220，实际只给了200' },
    });
    assert.equal(dispute.status, 'open');

    await h.useSession(adminSession);
    await h.open('/packages/admin/pages/home/index');
    const link = shown('.home-disputes');
    await link.locator('.home-queue-sum', { hasText: '新的1件' }).waitFor();
    await link.locator('.home-queue-count', { hasText: '1' }).waitFor();
    await link.scrollIntoViewIfNeeded();
    await h.shot('gigs-employer-admin-home');
    await link.locator('.home-disputes-btn').click();
    await page.waitForURL(/#\/packages\/admin\/pages\/disputes\/index/);

    const card = shown('.dp-card', { hasText: TITLE });
    await card.waitFor();
    await card.locator('.dp-title', { hasText: '工钱问题：给少了' }).waitFor();
    await card.locator('.dp-status', { hasText: '已受理' }).waitFor();
    const text = await card.innerText();
    assert.ok(text.includes(WORKERS[0].name), 'the worker’s name');
    assert.match(text, /139\*{4}1001/, 'the worker’s phone, masked');
    assert.ok(!text.includes(WORKERS[0].phone), 'never the full phone');
    assert.match(text, /山亭区桑村花椒种植专业合作社/);
    assert.match(text, /桑村镇/);
    assert.match(text, /说好一天220，实际只给了200/);
    assert.match(text, /报名时间\s*\d+月\d+日 \d{2}:\d{2}/);
    assert.match(text, /上工时间\s*\d+月\d+日 \d{2}:\d{2}/);
    assert.match(text, /收工时间\s*\d+月\d+日 \d{2}:\d{2}/);
    assert.match(text, /约定工钱\s*每天180–220元/);
    assert.match(text, /登记的工钱\s*2000元（现金，/);
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-employer-disputes');

    await card.locator('.dp-refer', { hasText: '转劳动监察' }).click();
    const refer = sheet('转给劳动监察？');
    await refer.locator('.dp-refer-text', { hasText: '12333' }).waitFor();
    await refer.locator('.cs-submit').click();
    await refer.locator('.cs-error', { hasText: '请写明为什么转' }).waitFor();
    const note = '企业两次电话都不接，转劳动保障监察依法处理';
    await refer.locator('textarea').fill(note);
    await h.shot('gigs-employer-disputes-refer');
    const patched = page.waitForResponse((r) => r.url().endsWith(`/disputes/${dispute.id}`) && r.request().method() === 'PATCH');
    await refer.locator('.cs-submit', { hasText: '转劳动监察' }).click();
    const res = await patched;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { status: 'referred', note });
    await card.waitFor({ state: 'detached' });
    await shown('.zg-state-title', { hasText: '没有新的工钱投诉' }).waitFor();

    await shown('.dp-tabs .zg-chip', { hasText: '已转劳动监察' }).click();
    const done = shown('.dp-card', { hasText: TITLE });
    await done.locator('.dp-status', { hasText: '已转劳动监察' }).waitFor();
    await done.locator('.dp-step-note', { hasText: note }).waitFor();
    assert.equal(await done.locator('.dp-actions').count(), 0, 'a referred case is finished');

    // The worker sees the step.
    const seen = await call('GET', `/disputes/${dispute.id}`, { token: seekers[0].token });
    assert.equal(seen.status, 'referred');
    assert.deepEqual(
      seen.steps.map((s) => s.status),
      ['open', 'referred'],
    );
    assert.equal(seen.steps[1].note, note);

    await h.setLargeText(true);
    await shown('.dp-tabs .zg-chip', { hasText: '已转劳动监察' }).click();
    await done.waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-employer-disputes-large');
    await h.setLargeText(false);
  });

  it('a 镇街 officer sees their 镇街’s cases only', STEP, async () => {
    const other = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '北庄镇干部', regionCode: OTHER_TOWN } });
    await h.useSession(other);
    await h.open('/packages/admin/pages/disputes/index');
    await shown('.dp-intro', { hasText: '北庄镇的' }).waitFor();
    await shown('.dp-tabs .zg-chip', { hasText: '全部' }).click();
    await shown('.zg-state-title', { hasText: '还没有工钱投诉' }).waitFor();

    const own = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '桑村镇干部', regionCode: SANGCUN } });
    await h.useSession(own);
    await h.open('/packages/admin/pages/disputes/index');
    await shown('.dp-intro', { hasText: '桑村镇的' }).waitFor();
    await shown('.dp-tabs .zg-chip', { hasText: '全部' }).click();
    await shown('.dp-card', { hasText: TITLE }).waitFor();
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
