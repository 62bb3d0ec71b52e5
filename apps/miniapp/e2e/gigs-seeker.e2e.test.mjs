// Browser end-to-end test of the 零工市场 for a seeker (and their liaison) on the H5 build against the
// real API with the demo data.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/gigs-seeker.e2e.test.mjs
//
// Through the API: a verified employer with two gig posts of its own (not demo data): 摘花椒 today and
// tomorrow at a map point 0.9 km from the phone, starting at 23:59 so today still takes sign-ups and
// check-ins; 收玉米 tomorrow with one place, already taken. In the browser (the phone's location allowed):
// home → 零工 → 明天 shows 摘花椒 with its distance and daily pay; a new seeker signs up for tomorrow in one
// tap after name, phone and 村 asked once, then for today; 收玉米 puts them in the queue; 我的零工 groups
// the days and cancels tomorrow's. The employer's 现场码 (from the API) is typed on the check-in page: 已上工.
// The employer records too little pay (API); 工钱有问题 opens a case, shown with its steps and 12333.
// A liaison signs a villager up from the resident page (帮TA报零工) and vouches on 今天的零工. Normal and
// 大字模式. Screenshots: dist/screenshots/gigs-seeker-*.png (or E2E_SHOTS_DIR).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, creditCodeOf, idNumberOf, launchBrowser, pageHelpers, startApi } from './support.mjs';

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

const CHINA = 8 * 3600_000;
const TODAY = new Date(Date.now() + CHINA).toISOString().slice(0, 10);
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const md = (ymd) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
const TOWN = '370406103';
const VILLAGE = '370406103201';
const SITE = { lat: 35.0812, lng: 117.4021 };
/** The phone: 0.9 km east of the site. */
const PHONE_AT = { latitude: SITE.lat, longitude: SITE.lng + 0.01 };
const PEPPER = '摘花椒（零工测试）';
const CORN = '收玉米（零工测试）';

let tokens = {};
let pepperId = '';
let cornId = '';
let villageName = '';
let townName = '';

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
/** A group of 我的零工 (今天 / 以后 / 以前) by its heading. */
const group = (title) => shown('.mg-group').filter({ has: page.locator('.mg-group-title', { hasText: new RegExp(`^${title}$`) }) });
const devLogin = (body) => call('POST', '/auth/dev-login', { body });

async function gigPost(body) {
  const post = await call('POST', '/posts', {
    token: tokens.employer,
    body: {
      occupationCode: '5-01-01',
      skills: ['采摘'],
      wageUnit: 'day',
      type: 'gig',
      townCode: TOWN,
      benefits: [],
      workStartTime: '23:59',
      ...body,
    },
  });
  await call('POST', `/posts/${post.id}/review`, { token: tokens.admin, body: { approve: true } });
  return post.id;
}

describe('零工 for a seeker: find near, sign up, 上工, 工钱有问题', () => {
  /** The seeker's browser session, kept while the liaison uses the browser. */
  let seekerSession;
  let normalSize = { pay: 0, button: 0, signup: 0 };

  before(async () => {
    // 23:59 China time is when today's work "starts": sign-ups and check-ins need it still ahead.
    assert.ok(Date.now() < Date.parse(`${TODAY}T23:50:00+08:00`), 'run this test before 23:50 China time (today’s gig starts at 23:59)');
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    await page.context().grantPermissions(['geolocation'], { origin: api.base });
    await page.context().setGeolocation(PHONE_AT);

    const town = (await h.getJson('/regions?parent=370406')).items.find((t) => t.code === TOWN);
    const village = (await h.getJson(`/regions?parent=${TOWN}`)).items.find((v) => v.code === VILLAGE);
    townName = town.name;
    villageName = village.name;
    tokens.admin = (await devLogin({ role: 'admin', name: '区人社局' })).token;
    tokens.employer = (await devLogin({ role: 'employer', name: '花椒园张经理' })).token;
    const employer = await call('POST', '/employers', {
      token: tokens.employer,
      body: {
        name: '山亭区桑村花椒种植专业合作社',
        creditCode: creditCodeOf('MA7G1H02'),
        industryCode: 'A',
        townCode: TOWN,
        address: '桑村镇户口村东',
        contactName: '张经理',
        contactPhone: '13905461122',
      },
    });
    await call('POST', `/employers/${employer.id}/verify`, { token: tokens.admin, body: { approve: true } });
    pepperId = await gigPost({
      title: PEPPER,
      description: '帮忙摘花椒，按天结算，当天给钱，男女不限，带手套。',
      wageMin: 200,
      wageMax: 200,
      headcount: 2,
      startDate: TODAY,
      endDate: TOMORROW,
      villageCode: VILLAGE,
      address: '户口村东头花椒园',
      lat: SITE.lat,
      lng: SITE.lng,
    });
    cornId = await gigPost({
      title: CORN,
      description: '帮忙收玉米、装袋，按天结算，中午管饭。',
      wageMin: 180,
      wageMax: 180,
      headcount: 1,
      startDate: TOMORROW,
      villageCode: VILLAGE,
      address: '户口村北地',
    });
    // Someone else took 收玉米's only place.
    const other = (await devLogin({ role: 'seeker', name: '先报的人' })).token;
    await call('POST', '/me/profile/quick', { token: other, body: { name: '刘先来', phone: '13905461001', villageCode: VILLAGE } });
    const first = await call('POST', `/gigs/${cornId}/signups`, { token: other, body: { date: TOMORROW } });
    assert.equal(first.status, 'confirmed');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('home → 零工 → 明天 lists 摘花椒 near the phone, with the distance and the day’s pay', STEP, async () => {
    await h.useSession(null);
    await h.goToLogin();
    await h.pickRoleAndName('求职者', '王大姐');
    await h.shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    const entry = shown('.gig-entry');
    await entry.waitFor();
    await h.shot('gigs-seeker-home');
    await entry.locator('.gig-entry-day', { hasText: '明天' }).click();
    await page.waitForURL(/#\/pages\/gigs\/index\?day=1/);
    const card = shown('.gig-card', { hasText: PEPPER });
    await card.waitFor();
    assert.equal(await card.locator('.gig-card-pay').innerText(), '每天 200 元');
    assert.equal(await card.locator('.gig-card-near').innerText(), '约 0.9 公里');
    await card.locator('.gig-card-day', { hasText: `明天 ${md(TOMORROW)}` }).getByText('还差2人').waitFor();
    await card.getByText('23点59分开工').waitFor();
    await card.getByText('山亭区桑村花椒种植专业合作社').waitFor();
    assert.doesNotMatch(await card.innerText(), /约合|元\/月|每月/, 'a day’s pay, never a month’s');
    const corn = shown('.gig-card', { hasText: CORN });
    await corn.getByText('已满，可排队').waitFor();
    assert.equal(await shown('.gl-day-on').innerText().then((t) => t.replace(/\s+/g, ' ').trim()), `明天 ${md(TOMORROW)}`);
    normalSize = { ...normalSize, pay: await h.fontSize(card.locator('.gig-card-pay')), button: await h.fontSize(card.locator('.gl-open')) };
    await h.fullShot('gigs-seeker-list');
    // Nothing on a day without work for these posts: 后天 does not list them.
    await shown('.gl-day', { hasText: '后天' }).click();
    await page.waitForTimeout(300);
    await shown('.zg-state-title, .gig-card').first().waitFor();
    assert.equal(await shown('.gig-card', { hasText: PEPPER }).count(), 0);
    await shown('.gl-day', { hasText: '明天' }).click();
    await shown('.gig-card', { hasText: PEPPER }).waitFor();
  });

  it('signs up for tomorrow in one tap (name, phone and 村 asked the first time), then for today; a full day queues', STEP, async () => {
    await shown('.gig-card', { hasText: PEPPER }).locator('.gl-open').click();
    await page.waitForURL(/#\/pages\/post\/index\?id=.*&date=/);
    const bar = shown('.post-action');
    await bar.locator('.zg-chip-on', { hasText: `明天 ${md(TOMORROW)}` }).waitFor();
    await bar.getByText('还差2人').waitFor();
    normalSize.signup = await h.fontSize(bar.locator('.gs-signup'));
    await bar.locator('.gs-signup', { hasText: `报名 ${md(TOMORROW)}` }).click();
    // First time: the same three questions as a first application, in a sheet.
    const sheet = shown('.zg-sheet', { hasText: '报名' });
    await sheet.locator('#apply-name input').fill('王秀兰');
    await sheet.locator('#apply-phone input').fill('13905468866');
    await sheet.locator('.zg-chip', { hasText: new RegExp(`^${townName}$`) }).click();
    await sheet.locator('.zg-chip', { hasText: new RegExp(`^${villageName}$`) }).click();
    await sheet.getByText('点“报名”，就是您同意').waitFor();
    await h.fullShot('gigs-seeker-first-time');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/gigs/${pepperId}/signups`) && r.request().method() === 'POST');
    await sheet.locator('.apply-confirm', { hasText: '报名' }).click();
    assert.equal((await sent).status(), 201);
    await bar.locator('.gs-done-title', { hasText: '✓ 报上了，23点59分开工' }).waitFor();
    await h.shot('gigs-seeker-signed-up');

    // Today too: one tap now that the record exists.
    await bar.locator('.zg-chip', { hasText: `今天 ${md(TODAY)}` }).click();
    await bar.locator('.gs-signup', { hasText: `报名 ${md(TODAY)}` }).click();
    await bar.locator('.gs-done-title', { hasText: '✓ 报上了' }).waitFor();
    const mine = await h.getAsUser(`/gigs/signups?date=${TODAY}`);
    assert.equal(mine.items.length, 1);
    assert.equal(mine.items[0].status, 'confirmed');

    // 收玉米 is full: the sign-up goes into the queue and says so.
    await h.open(`/pages/post/index?id=${cornId}&date=${TOMORROW}`);
    await shown('.post-action').getByText('已满，可排队').waitFor();
    await shown('.post-action .gs-signup', { hasText: `排队报${md(TOMORROW)}` }).click();
    await shown('.post-action .gs-done-title', { hasText: '排队第1个，补上了会通知您' }).waitFor();
    await h.shot('gigs-seeker-waitlisted');
  });

  it('我的零工 groups the days and cancels tomorrow’s (free: more than 12 hours ahead)', STEP, async () => {
    await h.open('/pages/me/index');
    await shown('.me-gigs', { hasText: '我的零工' }).click();
    await page.waitForURL(/#\/pages\/gigs\/mine\/index/);
    await group('今天').locator('.mg-card', { hasText: PEPPER }).waitFor();
    assert.equal(await group('以前').count(), 0, 'nothing earlier yet');
    const later = group('以后');
    await later.locator('.mg-card', { hasText: CORN }).getByText('排队第1个，补上了会通知您').waitFor();
    await h.fullShot('gigs-seeker-mine');
    const tomorrowCard = later.locator('.mg-card', { hasText: PEPPER });
    await tomorrowCard.locator('.mg-cancel').click();
    const sheet = shown('.zg-sheet', { hasText: `取消明天 ${md(TOMORROW)}的零工？` });
    await sheet.getByText('开工前12小时以前取消，不算违约').waitFor();
    await h.shot('gigs-seeker-cancel');
    await sheet.locator('.cs-submit', { hasText: '取消这天' }).click();
    await tomorrowCard.locator('.mg-status', { hasText: '已取消' }).waitFor();
    const left = await h.getAsUser(`/gigs/signups?date=${TOMORROW}`);
    const byTitle = Object.fromEntries(left.items.map((s) => [s.postTitle, s.status]));
    assert.deepEqual(byTitle, { [PEPPER]: 'cancelled', [CORN]: 'waitlisted' });
  });

  it('on the work day the code from the employer’s phone is typed on the check-in page: 已上工', STEP, async () => {
    const todayCard = group('今天').locator('.mg-card', { hasText: PEPPER });
    await todayCard.locator('.mg-checkin', { hasText: '输码上工' }).click();
    await page.waitForURL(/#\/pages\/gigs\/check-in\/index/);
    await shown('.ci-form').waitFor();
    await h.shot('gigs-seeker-check-in-form');
    // A wrong code: said plainly, and the box is there again.
    const { code } = await call('GET', `/gigs/${pepperId}/site-code?date=${TODAY}`, { token: tokens.employer });
    const wrong = code === '000000' ? '000001' : '000000';
    await shown('.ci-code input').fill(wrong);
    await shown('.ci-go', { hasText: '上工' }).click();
    await shown('.ci-failed-text', { hasText: '现场码不对或已经换了' }).waitFor();
    // The right one (fetched again: it changes every minute).
    const fresh = (await call('GET', `/gigs/${pepperId}/site-code?date=${TODAY}`, { token: tokens.employer })).code;
    await shown('.ci-code input').fill(fresh);
    const checked = page.waitForResponse((r) => r.url().endsWith('/gigs/check-in') && r.request().method() === 'POST');
    await shown('.ci-go', { hasText: '上工' }).click();
    const res = await checked;
    assert.equal(res.status(), 200);
    const sent = JSON.parse(res.request().postData() ?? '{}');
    assert.equal(sent.code, fresh);
    assert.ok(Math.abs(sent.lat - PHONE_AT.latitude) < 1e-6 && Math.abs(sent.lng - PHONE_AT.longitude) < 1e-6, 'the location went with it');
    await shown('.ci-done-title', { hasText: '已上工' }).waitFor();
    assert.equal(await shown('.ci-far').count(), 0, '0.9 km from the site is not flagged');
    await h.shot('gigs-seeker-checked-in');
    const today = (await h.getAsUser(`/gigs/signups?date=${TODAY}`)).items[0];
    assert.equal(today.status, 'checked_in');
    assert.ok(today.checkInAt);
  });

  it('the employer records less than agreed; 工钱有问题 opens a case the seeker follows, with 12333', STEP, async () => {
    const today = (await h.getAsUser(`/gigs/signups?date=${TODAY}`)).items[0];
    await call('POST', `/gigs/signups/${today.id}/pay`, { token: tokens.employer, body: { amount: 150, method: 'cash', paidAt: new Date().toISOString() } });
    await shown('.ci-mine', { hasText: '我的零工' }).click();
    await page.waitForURL(/#\/pages\/gigs\/mine\/index/);
    const card = group('今天').locator('.mg-card', { hasText: PEPPER });
    await card.locator('.mg-pay', { hasText: '150 元' }).waitFor();
    await card.locator('.mg-pay-ok', { hasText: '确认收到工钱' }).waitFor();
    await h.shot('gigs-seeker-pay-recorded');
    await card.locator('.mg-pay-bad', { hasText: '工钱有问题' }).click();
    const sheet = shown('.zg-sheet', { hasText: '工钱有问题' });
    await sheet.locator('.zg-sheet-option', { hasText: '给少了' }).click();
    await sheet.locator('textarea').fill('说好一天200元，只给了150元');
    await h.fullShot('gigs-seeker-dispute-sheet');
    const opened = page.waitForResponse((r) => r.url().endsWith(`/gigs/signups/${today.id}/dispute`) && r.request().method() === 'POST');
    await sheet.locator('.mg-dispute-go', { hasText: '交给人社局' }).click();
    assert.equal((await opened).status(), 201);
    await page.waitForURL(/#\/pages\/gigs\/dispute\/index\?id=/);
    await shown('.ds-status', { hasText: '已受理' }).waitFor();
    const text = await shown('.zg-page').first().innerText();
    for (const words of ['给少了：说好一天200元，只给了150元', '每天 200 元', '150 元（现金）', '山亭区桑村花椒种植专业合作社', md(TODAY)]) {
      assert.ok(text.includes(words), `the case page says “${words}”`);
    }
    await shown('.ds-call', { hasText: '打 12333' }).waitFor();
    await h.fullShot('gigs-seeker-case');
    // The admin moves it on; the page shows the new step.
    const caseId = /[?&]id=([^&#]+)/.exec(page.url().split('#')[1] ?? '')?.[1];
    assert.ok(caseId, 'the case page has the case id');
    await call('PATCH', `/disputes/${caseId}`, { token: tokens.admin, body: { status: 'mediating', note: '已电话联系合作社，约明天调解' } });
    await page.reload();
    await shown('.ds-status', { hasText: '调解中' }).waitFor();
    await shown('.ds-step-note', { hasText: '已电话联系合作社，约明天调解' }).waitFor();
    // Back in 我的零工 the day links to the case, and 评价 is offered once.
    await h.open('/pages/gigs/mine/index');
    const again = group('今天').locator('.mg-card', { hasText: PEPPER });
    await again.locator('.mg-case').waitFor();
    assert.equal(await again.locator('.mg-pay-ok').count(), 0, 'no 确认收到 while the case is open');
    await again.locator('.mg-rate').click();
    const rate = shown('.zg-sheet', { hasText: '评价' });
    await rate.locator('.sp-star').nth(1).click();
    await rate.locator('.zg-chip', { hasText: '拖欠工钱' }).click();
    await h.shot('gigs-seeker-rate');
    await rate.locator('.mg-rate-go').click();
    await again.getByText('✓ 已评价').waitFor();
    assert.equal(await again.locator('.mg-rate').count(), 0);
    seekerSession = await h.currentSession();
  });

  it('in 大字模式 the list, 我的零工, the check-in page and the case are big', STEP, async () => {
    await h.setLargeText(true);
    await h.open('/pages/index/index');
    await shown('.gig-entry').waitFor();
    await h.shot('gigs-seeker-home-large');
    await h.open('/pages/gigs/index?day=1');
    const card = shown('.gig-card', { hasText: PEPPER });
    await card.waitFor();
    assert.ok((await h.fontSize(card.locator('.gig-card-pay'))) >= normalSize.pay * 1.25, 'the pay is bigger');
    assert.ok((await h.fontSize(card.locator('.gl-open'))) >= normalSize.button * 1.25, 'the button is bigger');
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-seeker-list-large');
    await h.open(`/pages/post/index?id=${pepperId}&date=${TOMORROW}`);
    await shown('.post-action .gs-signup', { hasText: `报名 ${md(TOMORROW)}` }).waitFor();
    assert.ok((await h.fontSize(shown('.post-action .gs-signup'))) >= normalSize.signup * 1.25, 'the 报名 button is bigger');
    assert.equal(await h.scrollsSideways(), false);
    await h.shot('gigs-seeker-post-large');
    await h.open('/pages/gigs/mine/index');
    await shown('.mg-card', { hasText: PEPPER }).first().waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-seeker-mine-large');
    await h.open('/pages/gigs/check-in/index');
    await shown('.ci-form').waitFor();
    await h.shot('gigs-seeker-check-in-large');
    await h.open('/pages/gigs/mine/index');
    await shown('.mg-case').first().click();
    await shown('.ds-status').waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('gigs-seeker-case-large');
    await h.setLargeText(false);
  });

  it('a liaison signs a villager up (帮TA报零工) and vouches for them on 今天的零工', STEP, async () => {
    const liaison = await devLogin({ role: 'liaison', name: '户口村联络员', regionCode: VILLAGE });
    const villager = await call('POST', '/residents', {
      token: liaison.token,
      body: {
        name: '赵老汉',
        idNumber: idNumberOf('37040619620305131'),
        phone: '13905467711',
        villageCode: VILLAGE,
        skills: ['采摘'],
        desiredOccupations: ['5-01-01'],
        availability: ['gig'],
        keyGroups: [],
        consent: { method: 'signature', at: new Date().toISOString() },
      },
    });
    await h.useSession(liaison);
    await h.open(`/packages/liaison/pages/resident/index?id=${villager.id}`);
    await shown('.hg-open', { hasText: '帮TA报零工' }).click();
    const sheet = shown('.zg-sheet', { hasText: '帮赵老汉报零工' });
    await sheet.locator('.zg-chip', { hasText: `今天 ${md(TODAY)}` }).click();
    const card = sheet.locator('.gig-card', { hasText: PEPPER });
    await card.locator('.gig-card-near', { hasText: '本村' }).waitFor();
    await h.shot('gigs-seeker-liaison-pick');
    await card.locator('.hg-signup', { hasText: '帮TA报今天' }).click();
    await sheet.locator('.hg-done-title', { hasText: '✓ 报上了，23点59分开工' }).waitFor();
    await h.shot('gigs-seeker-liaison-signed-up');

    await h.open('/packages/liaison/pages/gigs-today/index');
    const row = shown('.gt-card', { hasText: '赵老汉' });
    await row.locator('.gt-status', { hasText: '已报上' }).waitFor();
    await row.locator('.gt-vouch').click();
    const vouch = shown('.zg-sheet', { hasText: '为赵老汉作证上工' });
    await vouch.locator('.cs-preset', { hasText: '我在现场，本人到了' }).click();
    await vouch.locator('.cs-submit').click();
    await row.locator('.gt-status', { hasText: '已上工' }).waitFor();
    await row.getByText('已作证上工').waitFor();
    await page.waitForTimeout(1500); // the toast goes
    await h.fullShot('gigs-seeker-liaison-today');
    const roster = await call('GET', `/gigs/${pepperId}/roster?date=${TODAY}`, { token: tokens.employer });
    const vouched = roster.items.find((i) => i.resident.name === '赵老汉');
    assert.equal(vouched.status, 'checked_in');
    assert.ok(vouched.checkInVouchedBy);
    assert.equal(vouched.source, 'liaison');
    await h.useSession(seekerSession);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
