// Browser end-to-end test of the seeker's job list and post detail, and the admin queues, on the H5
// build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/posts-seeker.e2e.test.mjs
//
// A visitor searches 焊工 and finds the 电焊工 post (its employer refreshed it today), filters by
// wage, asks for 离我最近 (refused, then allowed), opens the post (已认证企业, 今天更新), taps 举报,
// logs in on the way and sends the report; a second report meets the 409. An admin finds the report
// in 举报处理, reviews a new employer's post (409 until the employer is verified in 企业认证) and
// approves it. Screenshots go to dist/screenshots/ (and /tmp/shots-seeker/ when it exists).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SHOTS, STEP, launchBrowser, pageHelpers, startApi } from './support.mjs';

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

const WELDING_TITLE = '电焊工（设备维修）';
const REPORT_NOTE = '打电话过去，让先交300元押金';
const EXTRA_SHOTS = '/tmp/shots-seeker';

/** @type {any} */
let welding; // the 电焊工 post, as GET /posts lists it
let town; // the first 镇街
/** @type {any} */
let pendingPost; // a new, unverified employer's post waiting for review
/** @type {any} */
let pendingEmployer;

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const sheet = () => shown('.zg-sheet');

async function shot(name) {
  await h.shot(name);
  if (existsSync(EXTRA_SHOTS)) copyFileSync(join(SHOTS, `${name}.png`), join(EXTRA_SHOTS, `${name}.png`));
}

async function fullShot(name) {
  await h.fullShot(name);
  if (existsSync(EXTRA_SHOTS)) copyFileSync(join(SHOTS, `${name}.png`), join(EXTRA_SHOTS, `${name}.png`));
}

/** A call to the API with a bearer token; answers the parsed body after checking the status. */
async function call(method, path, { token, body, status } = {}) {
  const res = await fetch(`${h.apiBase}${path}`, {
    method,
    // No Content-Type without a body: the API refuses an empty JSON body.
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (status !== undefined) assert.equal(res.status, status, `${method} ${path} answered ${res.status}: ${text}`);
  else assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return data;
}

async function devToken(body) {
  return (await call('POST', '/auth/dev-login', { body })).token;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 统一社会信用代码 (GB 32100) of a 山亭区 company from an 8-digit organisation base. */
function creditCode(orgBase) {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(orgBase[i]) * ORG_WEIGHTS[i];
  const orgCheck = 11 - (sum % 11);
  const body = `91370406${orgBase}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  let total = 0;
  for (let i = 0; i < 17; i++) total += CREDIT_CHARS.indexOf(body[i]) * CREDIT_WEIGHTS[i];
  const check = 31 - (total % 31);
  return body + CREDIT_CHARS[check === 31 ? 0 : check];
}

async function loginAs(roleLabel, name) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  await shownText(`以${roleLabel}身份登录`).click();
}

describe('找工作 and 岗位详情 (seeker), 审核 queues (admin) in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    town = (await h.getJson('/regions?parent=370406')).items[0];

    // The employer of the 电焊工 post refreshes it (一键刷新), so it reads 今天更新.
    const found = await h.getJson(`/posts?q=${encodeURIComponent('焊工')}&limit=50`);
    welding = found.items.find((p) => p.title === WELDING_TITLE);
    assert.ok(welding, `the demo data has the post ${WELDING_TITLE} and GET /posts?q=焊工 finds it`);
    const owner = await devToken({ role: 'employer', name: '孙经理', employerId: welding.employer.id });
    await call('POST', `/posts/${welding.id}/refresh`, { token: owner });

    // A new employer (not yet verified) submits a post with a soft finding (an age limit).
    const boss = await devToken({ role: 'employer', name: '钱老板' });
    pendingEmployer = await call('POST', '/employers', {
      token: boss,
      status: 201,
      body: {
        name: '山亭区福源食品有限公司',
        creditCode: creditCode('30517264'),
        industryCode: 'C',
        townCode: town.code,
        address: `${town.name}工业园8号`,
        contactName: '钱老板',
        contactPhone: '13905461234',
      },
    });
    pendingPost = await call('POST', '/posts', {
      token: boss,
      status: 201,
      body: {
        title: '食品包装工',
        occupationCode: welding.occupationCode,
        description: '车间食品包装，限45岁以下，男女不限。<b>计件另有奖励</b>',
        skills: [],
        wageMin: 4200,
        wageMax: 5200,
        wageUnit: 'month',
        type: 'full_time',
        headcount: 6,
        townCode: town.code,
        address: `${town.name}工业园8号`,
        benefits: ['meals'],
      },
    });
    assert.equal(pendingPost.status, 'pending_review', 'the post waits for review');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('a visitor searches 焊工 and finds the 电焊工 post, refreshed today by a verified employer', STEP, async () => {
    await page.goto(`${api.base}/`);
    await shown('.post-card').first().waitFor();
    await shown('.search-input input').fill('焊工');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/posts?') && r.url().includes('q='));
    await shown('.search-btn').click();
    await answered;
    const card = shown('.post-card', { hasText: WELDING_TITLE }).first();
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(text.includes('已认证'), 'the card shows the verified badge');
    assert.ok(text.includes('今天更新'), `the card says it was refreshed today: ${text}`);
    for (const t of await shown('.post-card').allInnerTexts()) assert.match(t, /焊/, `every card found is welding work: ${t}`);
    await shot('seeker-search-welding');
  });

  it('filters by a monthly wage floor, day and hour wages converted, then clears the filters', STEP, async () => {
    await shown('.zg-chip', { hasText: /^工资 ▾$/ }).click();
    await sheet().locator('.zg-sheet-note', { hasText: '折算成月工资' }).waitFor();
    await shot('seeker-wage-sheet');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/posts?') && r.url().includes('wageMin=5000'));
    await sheet().locator('.zg-sheet-option', { hasText: '每月5000元以上' }).click();
    await answered;
    await shown('.zg-chip-on', { hasText: '5000元以上' }).waitFor();
    await shown('.post-card', { hasText: WELDING_TITLE }).first().waitFor();
    // 35–45 元/小时 is about 6090 元/月: it passes a 5000 floor too, and says what it comes to.
    const hourly = shown('.post-card', { hasText: '氩弧焊工' }).first();
    await hourly.waitFor();
    assert.match(await hourly.innerText(), /约合 \d+–\d+ 元\/月/);

    await shownText('✕ 清除筛选').click();
    await shown('.post-card').nth(4).waitFor();
    assert.equal(await shown('.search-input input').inputValue(), '');
    assert.equal(await shown('.zg-chip-on').count(), 0, 'no filter is on');
  });

  it('离我最近 explains a refused location and keeps 最新; with the location it sorts by distance', STEP, async () => {
    await shown('.sort-btn').click();
    await sheet().locator('.zg-sheet-option', { hasText: '离我最近' }).click();
    await shown('.location-note', { hasText: '没有拿到您的位置' }).waitFor();
    await shown('.sort-btn', { hasText: '排序：最新' }).waitFor();
    await shot('seeker-location-refused');

    await page.context().grantPermissions(['geolocation'], { origin: api.base });
    await page.context().setGeolocation({ latitude: 35.0998, longitude: 117.4588 });
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/v1/posts?') && r.url().includes('sort=distance') && r.url().includes('lat='),
    );
    await shown('.sort-btn').click();
    await sheet().locator('.zg-sheet-option', { hasText: '离我最近' }).click();
    assert.equal((await answered).status(), 200);
    await shown('.sort-btn', { hasText: '排序：离我最近' }).waitFor();
    assert.equal(await shown('.location-note').count(), 0, 'the note is gone');
    await shown('.post-card').first().waitFor();

    await shown('.sort-btn').click();
    await sheet().locator('.zg-sheet-option', { hasText: '最新' }).click();
    await shown('.sort-btn', { hasText: '排序：最新' }).waitFor();
  });

  it('opens the post: pay, place, the 已认证企业 badge and 今天更新; HTML stays text', STEP, async () => {
    await shown('.search-input input').fill('焊工');
    await shown('.search-btn').click();
    await shown('.post-card', { hasText: WELDING_TITLE }).first().click();
    await page.waitForURL(/#\/pages\/post\/index\?id=/);
    await shown('.post-title', { hasText: WELDING_TITLE }).waitFor();
    await shown('.post-verified', { hasText: '已认证企业' }).waitFor();
    await shown('.post-fresh', { hasText: '今天更新' }).waitFor();
    const body = await shown('.zg-page', { has: page.locator('.post-title') }).innerText();
    assert.ok(body.includes(welding.employer.name));
    assert.ok(body.includes('6000–7500 元/月'), 'the pay range and unit');
    assert.ok(body.includes('包吃') && body.includes('包住'), 'the benefits');
    assert.ok(!body.includes('分享给微信好友'), 'no WeChat share button on H5');
    await fullShot('seeker-post-detail');
  });

  it('举报 asks a visitor to log in, then opens the sheet and sends the report', STEP, async () => {
    await shown('.post-report').click();
    await page.waitForURL(/#\/pages\/login\/index\?redirect=/);
    await h.pickRoleAndName('求职者', '李大娘');
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/post\/index/);
    await sheet().locator('.zg-sheet-title', { hasText: '举报这个岗位' }).waitFor();

    // Without a reason nothing is sent.
    await shown('.report-submit').click();
    await sheet().locator('.zg-error', { hasText: '请先选一个举报原因' }).waitFor();
    await sheet().locator('.zg-sheet-option', { hasText: '收取押金或费用' }).click();
    await sheet().locator('.zg-sheet-textarea textarea').fill(REPORT_NOTE);
    await shot('seeker-report-sheet');
    const sent = page.waitForResponse((r) => r.url().includes(`/posts/${welding.id}/reports`) && r.request().method() === 'POST');
    await shown('.report-submit').click();
    assert.equal((await sent).status(), 201);
    await shown('.post-reported', { hasText: '举报已提交' }).waitFor();
    assert.equal(await shown('.zg-sheet').count(), 0, 'the sheet closed');
  });

  it('a second report of the same post is answered kindly (409)', STEP, async () => {
    await page.reload();
    await shown('.post-report').click();
    await sheet().locator('.zg-sheet-option', { hasText: '虚假招聘' }).click();
    const sent = page.waitForResponse((r) => r.url().includes(`/posts/${welding.id}/reports`) && r.request().method() === 'POST');
    await shown('.report-submit').click();
    assert.equal((await sent).status(), 409);
    await shown('.post-reported', { hasText: '您已经举报过这个岗位，我们会尽快核实' }).waitFor();
    await shot('seeker-report-again');
  });

  it('an admin sees the report in 举报处理, with its reason and note', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    const queues = shown('.home-queues');
    await queues.waitFor();
    assert.equal(await shown('.zg-soon-item', { hasText: '岗位审核' }).count(), 0, '岗位审核 is no longer 即将开放');
    assert.equal(await shown('.zg-soon-item', { hasText: '企业认证' }).count(), 0, '企业认证 is no longer 即将开放');
    await queues.locator('.zg-btn', { hasText: /^举报处理/ }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/reports\/index/);
    const group = shown('.rp-card', { hasText: WELDING_TITLE });
    await group.waitFor();
    const text = await group.innerText();
    assert.ok(text.includes('收取押金或费用'), 'the reason');
    assert.ok(text.includes(REPORT_NOTE), 'the note');
    assert.ok(text.includes('1人举报'));
    await fullShot('admin-reports');

    await group.locator('.rp-dismiss').click();
    await sheet().locator('.cs-submit', { hasText: '确认未发现问题' }).click();
    await group.waitFor({ state: 'detached' });
  });

  it('an admin approves a post of an unverified employer after checking the firm, verifying both in one step', STEP, async () => {
    await h.open('/packages/admin/pages/review/index');
    const card = shown('.rv-card', { hasText: pendingPost.title });
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(text.includes('企业未认证'));
    assert.ok(text.includes('<b>计件另有奖励</b>'), 'HTML typed into a post shows as text');
    if ((pendingPost.complianceFlags ?? []).length > 0) {
      await card.locator('.rv-flag').first().waitFor();
      assert.ok(text.includes(pendingPost.complianceFlags[0].law), 'the law the flag cites');
    }
    await fullShot('admin-review');

    // 驳回 needs a reason.
    await card.locator('.rv-reject').click();
    await sheet().locator('.cs-submit').click();
    await sheet().locator('.zg-error', { hasText: '请写明原因' }).waitFor();
    await shot('admin-review-reject-sheet');
    await sheet().locator('.zg-sheet-close').click();

    // 通过 shows the firm to check first (the employer was told verification comes with its first post).
    await card.locator('.rv-approve').click();
    const firm = sheet().locator('.rv-firm');
    await firm.locator('.ef-row').first().waitFor();
    const etext = await firm.innerText();
    assert.ok(etext.includes(pendingEmployer.name), 'the name');
    assert.ok(etext.includes(pendingEmployer.creditCode), 'the credit code');
    assert.ok(etext.includes('制造业'), 'the industry');
    assert.ok(etext.includes('139****1234'), 'the contact phone, masked');
    await shot('admin-review-verify-sheet');
    const approved = page.waitForResponse((r) => r.url().includes(`/posts/${pendingPost.id}/review`));
    await sheet().locator('.cs-submit', { hasText: '同时认证该企业并通过' }).click();
    assert.ok((await approved).status() < 300, 'the approval is accepted');
    await card.waitFor({ state: 'detached' });
    const published = await h.getJson(`/posts/${pendingPost.id}`);
    assert.equal(published.status, 'published');
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
