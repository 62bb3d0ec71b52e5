// Browser end-to-end test of the district admins' review screens on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/admin-review.e2e.test.mjs
//
// Through the API: a new employer (not verified) with a post waiting for review, and a verified employer with
// a published post. In the browser, as the district admin: the home shows how many wait on 岗位审核 / 企业认证 /
// 举报处理 (the API's numbers); 通过 on the unverified employer's post opens a confirm sheet with the firm's
// facts (信用代码, the industry by name, the masked phone, 打电话) and 同时认证该企业并通过 does both; the
// verified list finds the other employer by part of its 信用代码 and 撤销认证 (a reason asked for) sends its
// post back to review; 企业认证 asks before it approves; the dashboard and 消息发送 say things plainly.
// Normal and 大字模式. Screenshots: dist/screenshots/admin-review-*.png (E2E_SHOTS_DIR to put them elsewhere).
/* global document -- used inside page.waitForFunction() callbacks, which run in the browser */
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

const NEW_FIRM = { name: '山亭区凫城春芽茶叶有限公司', creditCode: creditCodeOf('MA7H3K21'), phone: '13905467788' };
const OLD_FIRM = { name: '山亭区店子镇长青石材有限公司', creditCode: creditCodeOf('MA7H3K35'), phone: '13905467799' };
const NEW_POST = '茶叶采摘工';
const OLD_POST = '石材切割工';
const REVOKE_REASON = '营业执照已被吊销或注销';

let town;
let adminToken = '';
let newFirmId = '';
let oldFirmId = '';
let newPostId = '';
let oldPostId = '';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const sheet = () => shown('.zg-sheet');
const call = (method, path, options) => h.call(method, path, options);

async function devLogin(body) {
  return (await call('POST', '/auth/dev-login', { body })).token;
}

async function loginAs(roleLabel, name) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  await shownText(`以${roleLabel}身份登录`).click();
}

/** An employer account registers a firm in the test's 镇街 and submits one post; answers their ids. */
async function firmWithPost(boss, firm, title) {
  const token = await devLogin({ role: 'employer', name: boss });
  const employer = await call('POST', '/employers', {
    token,
    body: { name: firm.name, creditCode: firm.creditCode, industryCode: 'C', townCode: town.code, address: `${town.name}工业园`, contactName: boss, contactPhone: firm.phone },
  });
  const post = await call('POST', '/posts', {
    token,
    body: {
      title,
      occupationCode: '6-05-01',
      description: '车间里干活，男女不限，包午饭，不会的可以学。',
      skills: [],
      wageMin: 4000,
      wageMax: 5000,
      wageUnit: 'month',
      type: 'full_time',
      headcount: 3,
      townCode: town.code,
      benefits: ['meals'],
    },
  });
  assert.equal(post.status, 'pending_review');
  return { employerId: employer.id, postId: post.id };
}

const counts = () => call('GET', '/admin/pending-counts', { token: adminToken });

describe('admin review screens in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    // The narrowest phone the pages are made for.
    await page.setViewportSize({ width: 375, height: 812 });
    town = (await h.getJson('/regions?parent=370406')).items[3];
    adminToken = await devLogin({ role: 'admin', name: '区人社局' });
    ({ employerId: newFirmId, postId: newPostId } = await firmWithPost('吴老板', NEW_FIRM, NEW_POST));
    ({ employerId: oldFirmId, postId: oldPostId } = await firmWithPost('郑老板', OLD_FIRM, OLD_POST));
    await call('POST', `/employers/${oldFirmId}/verify`, { token: adminToken, body: { approve: true } });
    const published = await call('POST', `/posts/${oldPostId}/review`, { token: adminToken, body: { approve: true } });
    assert.equal(published.status, 'published');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the admin home shows how many wait on each queue', STEP, async () => {
    const n = await counts();
    assert.ok(n.posts >= 1 && n.employers >= 1, `the test's post and employer wait: ${JSON.stringify(n)}`);
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    const queues = shown('.home-queues');
    await queues.locator('.home-queue-count').first().waitFor();
    const countOf = async (label) => (await queues.locator('.home-queue', { hasText: label }).locator('.home-queue-count').innerText()).trim();
    assert.equal(await countOf('岗位审核'), String(n.posts));
    assert.equal(await countOf('企业认证'), String(n.employers));
    const sum = await queues.locator('.home-queue-sum').innerText();
    assert.ok(sum.includes(`岗位${n.posts}个`) && sum.includes(`企业${n.employers}家`), sum);
    assert.ok((await queues.locator('.home-queue', { hasText: '已认证的企业' }).innerText()).includes(`${n.verifiedEmployers}家`));
    await queues.scrollIntoViewIfNeeded();
    await h.shot('admin-review-home-counts');

    await h.setLargeText(true);
    await shown('.zg-large .home-queues .home-queue-count').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await shown('.home-queues').scrollIntoViewIfNeeded();
    await h.shot('admin-review-home-counts-large');
    await h.setLargeText(false);
  });

  it('通过 on a post of an unverified employer shows the firm first; 再想想 sends nothing', STEP, async () => {
    await shown('.home-queues .home-queue', { hasText: '岗位审核' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/review\/index/);
    const n = await counts();
    await shown('.rv-count-num').waitFor();
    assert.equal(await shown('.rv-count-num').innerText(), String(n.posts));
    const card = shown('.rv-card', { hasText: NEW_POST });
    await card.waitFor();
    assert.ok((await card.innerText()).includes('企业未认证'));
    await card.scrollIntoViewIfNeeded();
    await h.shot('admin-review-queue');

    let reviews = 0;
    const countReviews = (req) => {
      if (req.url().includes(`/posts/${newPostId}/review`)) reviews += 1;
    };
    page.on('request', countReviews);
    await card.locator('.rv-approve').click();
    const firm = sheet().locator('.rv-firm');
    await firm.locator('.ef-row').first().waitFor();
    const text = await firm.innerText();
    assert.ok(text.includes(NEW_FIRM.name), 'the name');
    assert.ok(text.includes(NEW_FIRM.creditCode), 'the credit code');
    assert.ok(text.includes('制造业') && !/\bC\s*制造业/.test(text), 'the industry by its name, without the letter');
    assert.ok(text.includes('139****7788') && !text.includes(NEW_FIRM.phone), 'the contact phone, masked');
    await firm.locator('.zg-call-btn').waitFor();
    await sheet().locator('.cs-submit', { hasText: '同时认证该企业并通过' }).waitFor();
    await h.shot('admin-review-verify-sheet');

    await h.setLargeText(true);
    await shown('.zg-large .rv-card', { hasText: NEW_POST }).locator('.rv-approve').click();
    await shown('.zg-large .zg-sheet .rv-firm .ef-row').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.shot('admin-review-verify-sheet-large');
    await sheet().locator('.cs-cancel').click();
    await sheet().waitFor({ state: 'detached' });
    await h.setLargeText(false);
    await shown('.rv-card', { hasText: NEW_POST }).waitFor();
    page.off('request', countReviews);
    assert.equal(reviews, 0, 'nothing is sent until the admin confirms');
    assert.equal((await call('GET', `/employers/${newFirmId}`, { token: adminToken })).verification, 'pending');
  });

  it('同时认证该企业并通过 publishes the post and verifies the employer', STEP, async () => {
    const before = await counts();
    const card = shown('.rv-card', { hasText: NEW_POST });
    await card.locator('.rv-approve').click();
    await sheet().locator('.rv-firm .ef-row').first().waitFor();
    const reviewed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${newPostId}/review`) && r.request().method() === 'POST');
    await sheet().locator('.cs-submit', { hasText: '同时认证该企业并通过' }).click();
    const res = await reviewed;
    assert.equal(res.status(), 200, `review answered ${res.status()}: ${await res.text()}`);
    assert.deepEqual(JSON.parse(res.request().postData() ?? '{}'), { approve: true, verifyEmployer: true });
    await card.waitFor({ state: 'detached' });
    await page.waitForFunction((want) => document.querySelector('.rv-count-num')?.textContent === String(want), before.posts - 1);

    assert.equal((await h.getJson(`/posts/${newPostId}`)).status, 'published');
    const firm = await call('GET', `/employers/${newFirmId}`, { token: adminToken });
    assert.equal(firm.verification, 'verified');
    const after = await counts();
    assert.deepEqual(after, { ...before, posts: before.posts - 1, employers: before.employers - 1, verifiedEmployers: before.verifiedEmployers + 1 });
  });

  it('the verified list finds an employer by part of its 信用代码 and revokes it with a reason', STEP, async () => {
    await h.open('/packages/admin/pages/employers/index?tab=verified');
    const n = await counts();
    await shown('.ev-tabs .zg-chip-on', { hasText: `已认证 ${n.verifiedEmployers}` }).waitFor();
    await shown('.ev-search-input input').fill(OLD_FIRM.creditCode.slice(10, 16).toLowerCase());
    await shown('.ev-search-btn').click();
    const card = shown('.ev-card', { hasText: OLD_FIRM.name });
    await card.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.ev-card').length === 1);
    const text = await card.innerText();
    assert.ok(text.includes('已认证') && text.includes('认证时间'), text);
    assert.ok(text.includes('139****7799'), 'the contact phone, masked');
    await h.shot('admin-review-verified-list');

    await card.locator('.ev-revoke').click();
    await sheet().locator('.cs-body', { hasText: '退回“待审核”' }).waitFor();
    await sheet().locator('.cs-submit', { hasText: '确认撤销认证' }).click();
    await sheet().locator('.zg-error', { hasText: '请写明撤销的原因' }).waitFor();
    await sheet().locator('.cs-preset', { hasText: REVOKE_REASON }).click();
    await h.shot('admin-review-revoke-sheet');
    const revoked = page.waitForResponse((r) => r.url().endsWith(`/api/v1/employers/${oldFirmId}/revoke`));
    await sheet().locator('.cs-submit', { hasText: '确认撤销认证' }).click();
    const res = await revoked;
    assert.equal(res.status(), 200, `revoke answered ${res.status()}: ${await res.text()}`);
    await card.waitFor({ state: 'detached' });
    await shown('.ev-tabs .zg-chip-on', { hasText: `已认证 ${n.verifiedEmployers - 1}` }).waitFor();

    const firm = await call('GET', `/employers/${oldFirmId}`, { token: adminToken });
    assert.equal(firm.verification, 'rejected');
    assert.equal(firm.verificationReason, REVOKE_REASON);
    // Its published post left the public lists and waits for review again.
    const post = await call('GET', `/posts/${oldPostId}`, { token: adminToken });
    assert.equal(post.status, 'pending_review');
    const hidden = await fetch(`${api?.apiBase}/posts/${oldPostId}`);
    assert.equal(hidden.status, 404);
  });

  it('the revoked employer’s post is back in 岗位审核 with the reason, and 同时认证 is offered again', STEP, async () => {
    await h.open('/packages/admin/pages/review/index');
    const card = shown('.rv-card', { hasText: OLD_POST });
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(text.includes('企业未认证') && text.includes('认证已撤销'), text);
    await card.locator('.rv-approve').click();
    await sheet().locator('.ef-history', { hasText: REVOKE_REASON }).waitFor();
    await h.shot('admin-review-revoked-firm-sheet');
    await sheet().locator('.cs-cancel').click();
    await sheet().waitFor({ state: 'detached' });
  });

  it('企业认证 asks before approving; the industry shows by name', STEP, async () => {
    await h.open('/packages/admin/pages/employers/index');
    await shown('.ev-tabs .zg-chip-on', { hasText: '等待认证' }).waitFor();
    const card = shown('.ev-card').first();
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(!/\b[A-T] [\u4e00-\u9fff]/.test(text), `no industry letter: ${text}`);
    let verifies = 0;
    const countVerifies = (req) => {
      if (req.url().includes('/verify')) verifies += 1;
    };
    page.on('request', countVerifies);
    await card.locator('.ev-approve').click();
    await sheet().locator('.cs-submit', { hasText: '确认通过认证' }).waitFor();
    await h.shot('admin-review-employer-confirm');
    await sheet().locator('.cs-cancel').click();
    await sheet().waitFor({ state: 'detached' });
    page.off('request', countVerifies);
    assert.equal(verifies, 0, 'nothing is sent until the admin confirms');

    await h.setLargeText(true);
    await shown('.zg-large .ev-card').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.fullShot('admin-review-employers-large');
    await h.setLargeText(false);
  });

  it('the dashboard and 消息发送 say things plainly', STEP, async () => {
    await h.open('/packages/admin/pages/dashboard/index');
    const wage = shown('.db-wage').first();
    await wage.waitFor();
    const page1 = await shown('.db').innerText();
    assert.ok(!page1.includes('P25') && !page1.includes('P75') && !page1.includes('中位数'), 'no statistics jargon');
    assert.match(await wage.innerText(), /中间一半的岗位：[\d,]+–[\d,]+ 元\/月\s*排在正中间的：[\d,]+ 元\/月/);
    await shown('.db-wage').first().scrollIntoViewIfNeeded();
    await h.shot('admin-review-dashboard-wages');

    await h.open('/packages/admin/pages/deliveries/index');
    const summary = shown('.dl-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.ok(text.includes('消息在本机排队') && !text.includes('程序内'), text);
    await h.setLargeText(true);
    await shown('.zg-large .dl-summary').waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.shot('admin-review-deliveries-large');
    await h.open('/packages/admin/pages/labor-map/index');
    await shown('.zg-large .lm-total').waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.fullShot('admin-review-labor-map-large');
    await h.setLargeText(false);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
