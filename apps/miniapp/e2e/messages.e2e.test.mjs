// Browser end-to-end test of notifications (消息 tab, unread badge, 消息设置, 消息发送) on the H5 build
// against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/messages.e2e.test.mjs
//
// The API runs with an SMS provider on a closed loopback port and one try per message, so every text
// message fails at once. The demo 电焊 worker 张建国 links his record, turns SMS on and 每日岗位推荐 off in
// 消息设置 (still off after a reload), and applies to a post of 鑫达塑编. Its employer sees 1条新消息 on
// its home, opens 新的投递 from 消息 (which marks it read) and invites him to an interview. His 消息 tab
// then carries the badge 1 and the item 面试邀请; tapping it opens 我的投递 and the badge goes. The admin
// finds the interview's text message under 发送失败 in 消息发送情况 and 重试 sends it again.
// Dev logins have no WeChat openid, so no WeChat message is sent and H5 says to subscribe in WeChat.
// Screenshots go to dist/screenshots/messages-*.png.
/* global document -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_WELDER, STEP, freePort, launchBrowser, pageHelpers, startApi } from './support.mjs';

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

const WELDER = DEMO_WELDER;
/** A post of the demo employer 枣庄鑫达塑编有限公司. */
const POST_TITLE = '塑编拉丝工';
const PLACE = '西集镇工业园鑫达塑编厂办公室';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const tab = (text) => shown('.weui-tabbar__item', { hasText: text });
const tabBadge = () => tab('消息').locator('.taro-tabbar-badge');

const call = (method, path, options) => h.call(method, path, options);
const useSession = (session) => h.useSession(session);

/** Now as ISO 8601 with an offset, as the consent time is sent. */
function nowWithOffset() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** "12月3日 09:00" in China time, as the API writes times into messages. */
function chinaTime(iso) {
  const t = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** Polls `check` (an async function answering a value or undefined) until it answers, or fails after `ms`. */
async function eventually(what, check, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    assert.ok(Date.now() < until, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('notifications in Chromium against the real API', () => {
  let post;
  let employerSession;
  let adminSession;
  let adminToken;
  let seekerSession;
  let interviewAt = '';

  before(async () => {
    // Nothing listens on this port: every SMS fails at once, and with one try it is a dead letter.
    const closedPort = await freePort();
    api = await startApi({
      SMS_API_URL: `http://127.0.0.1:${closedPort}/sms`,
      SMS_API_KEY: 'x',
      NOTIFY_ATTEMPTS: '1',
    });
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    const { items } = await h.getJson(`/posts?q=${encodeURIComponent(POST_TITLE)}&limit=50`);
    post = items.find((p) => p.title === POST_TITLE);
    assert.ok(post, `the demo data has ${POST_TITLE}`);
    employerSession = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '王经理', employerId: post.employer.id } });
    adminSession = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    adminToken = adminSession.token;
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('a seeker with no messages sees an empty 消息 tab between 找工作 and 我的', STEP, async () => {
    await h.goToLogin();
    await h.pickRoleAndName('求职者', WELDER.name);
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    seekerSession = await h.currentSession();
    // His 求职信息 links this account to the record his village made (as 我的档案 does): SMS goes to its phone.
    const { villageCode, ...rest } = WELDER;
    await call('PUT', '/me/profile', { token: seekerSession.token, body: { ...rest, villageCode, consent: { method: 'self', at: nowWithOffset() } } });

    const labels = await shown('.weui-tabbar__item .weui-tabbar__label').allInnerTexts();
    assert.deepEqual(labels, ['找工作', '消息', '我的']);
    await tab('消息').click();
    await page.waitForURL(/#\/pages\/messages\/index/);
    await shownText('还没有消息').waitFor();
    await shownText('没有新消息').waitFor();
    assert.equal(await tabBadge().count(), 0, 'no badge without unread messages');
    await h.shot('messages-empty');
  });

  it('消息设置: SMS on and 每日岗位推荐 off, still so after a reload; H5 says to subscribe in WeChat', STEP, async () => {
    await shown('.msg-settings', { hasText: '消息设置' }).click();
    await page.waitForURL(/#\/pages\/notification-settings\/index/);
    const rows = shown('.ns-type');
    await rows.first().waitFor();
    assert.deepEqual(
      (await rows.locator('.ns-title').allInnerTexts()).map((t) => t.trim()),
      ['投递进展', '面试邀请', '入职待确认', '每日岗位推荐', '零工报名和工钱', '权益维护进展', '招聘活动', '可能适合的政策', '共享用工协议'],
    );
    const digest = shown('.ns-type-job_digest');
    assert.match(await digest.innerText(), /关闭后不再为您推荐/);
    assert.match(await shown('.ns-type-interview').innerText(), /关闭后不再推送微信消息\/短信，消息列表里仍能看到/);
    await digest.locator('.ns-state', { hasText: '已打开' }).waitFor();

    let saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/notification-settings') && r.request().method() === 'PUT');
    await digest.click();
    let res = await saved;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { mutedTypes: ['job_digest'], sms: false });
    await digest.locator('.ns-state', { hasText: '已关闭' }).waitFor();

    const sms = shown('.ns-sms');
    await sms.locator('.ns-state', { hasText: '已关闭' }).waitFor();
    assert.match(await sms.innerText(), /求职信息里填的手机号/);
    saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/notification-settings') && r.request().method() === 'PUT');
    await sms.click();
    res = await saved;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { mutedTypes: ['job_digest'], sms: true });
    await sms.locator('.ns-state', { hasText: '已打开' }).waitFor();

    await page.reload();
    await shown('.ns-type-job_digest .ns-state', { hasText: '已关闭' }).waitFor();
    await shown('.ns-type-interview .ns-state', { hasText: '已打开' }).waitFor();
    await shown('.ns-sms .ns-state', { hasText: '已打开' }).waitFor();
    const subs = shown('.ns-subs');
    await subs.getByText('请在微信小程序中订阅').waitFor();
    assert.equal(await subs.locator('.ns-sub-btn').count(), 0, 'no 订阅 button outside WeChat');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('messages-settings');

    const stored = await call('GET', '/me/notification-settings', { token: seekerSession.token });
    assert.deepEqual(stored.mutedTypes, ['job_digest']);
    assert.equal(stored.sms, true);
  });

  it('he applies; his employer’s home says 1条新消息 and 消息 shows 新的投递', STEP, async () => {
    await h.open(`/pages/post/index?id=${post.id}`);
    await shown('.post-title', { hasText: POST_TITLE }).waitFor();
    await shown('.post-action .post-apply', { hasText: /^我要报名$/ }).click();
    const sheet = shown('.zg-sheet', { hasText: '把您的姓名和电话发给企业？' });
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/applications') && r.request().method() === 'POST');
    await sheet.locator('.apply-confirm').click();
    assert.equal((await sent).status(), 201);
    await shown('.post-applied-title', { hasText: '✓ 已报名' }).waitFor();

    await useSession(employerSession);
    await h.open('/packages/employer/pages/home/index');
    // The home's tab bar (the same as everyone's) carries the count on 消息.
    const button = shown('.zg-tabbar-item', { hasText: '消息' });
    await button.locator('.zg-tabbar-badge', { hasText: /^1$/ }).waitFor();
    await h.shot('messages-employer-home');
    await button.click();
    await page.waitForURL(/#\/pages\/messages\/index/);
    const item = shown('.msg-item', { hasText: '新的投递' });
    await item.waitFor();
    assert.ok(await item.evaluate((el) => el.classList.contains('msg-unread')), 'unread');
    await item.locator('.msg-dot').waitFor();
    assert.match(await item.innerText(), /张\*\*投递了「塑编拉丝工」/);
    await item.locator('.msg-time', { hasText: /^(刚刚|\d+分钟前)$/ }).waitFor();
    await shownText('有1条新消息').waitFor();
    await tabBadge().filter({ hasText: /^1$/ }).waitFor();
    await h.shot('messages-employer-inbox');

    // Tapping it marks it read and opens the applicants of that post.
    const read = page.waitForResponse((r) => /\/api\/v1\/notifications\/[^/]+\/read$/.test(r.url()));
    await item.click();
    assert.equal((await read).status(), 200);
    await page.waitForURL(/#\/packages\/employer\/pages\/applicants\/index\?postId=/);
    assert.equal((await call('GET', '/notifications/unread-count', { token: employerSession.token })).count, 0);
  });

  it('the employer invites him to an interview from 报名的人', STEP, async () => {
    await shown('.apl-title', { hasText: POST_TITLE }).waitFor();
    const person = shown('.apc-card', { hasText: WELDER.name });
    await person.waitFor();
    await person.locator('.apc-btn', { hasText: '约面试' }).click();
    const sheet = shown('.zg-sheet', { hasText: `约${WELDER.name}面试` });
    await sheet.waitFor();
    await sheet.locator('.zg-chip', { hasText: /^明天$/ }).click();
    await sheet.locator('.zg-chip', { hasText: /^上午9点$/ }).click();
    await sheet.locator('.as-place input').fill(PLACE);
    const done = page.waitForResponse((r) => r.url().includes('/api/v1/applications/') && r.request().method() === 'PATCH');
    await sheet.locator('.as-submit', { hasText: '确定约面试' }).click();
    const res = await done;
    assert.equal(res.status(), 200);
    interviewAt = res.request().postDataJSON().interviewAt;

    // Back on 消息 the item stays, read: no dot, no badge.
    await h.open('/pages/messages/index');
    const item = shown('.msg-item', { hasText: '新的投递' });
    await item.waitFor();
    assert.ok(!(await item.evaluate((el) => el.classList.contains('msg-unread'))), 'read');
    await shownText('没有新消息').waitFor();
    assert.equal(await tabBadge().count(), 0, 'no badge once read');
  });

  it('his 消息 tab carries the badge 1 and 面试邀请; tapping it opens 我的投递 and the badge goes', STEP, async () => {
    await useSession(seekerSession);
    await h.open('/pages/index/index');
    await tabBadge().filter({ hasText: /^1$/ }).waitFor();
    await h.shot('messages-seeker-badge');

    await tab('消息').click();
    await page.waitForURL(/#\/pages\/messages\/index/);
    const item = shown('.msg-item', { hasText: '面试邀请' });
    await item.waitFor();
    assert.ok(await item.evaluate((el) => el.classList.contains('msg-unread')), 'unread');
    const text = await item.innerText();
    assert.ok(text.includes(PLACE), `the place is in the message: ${text}`);
    assert.ok(text.includes(chinaTime(interviewAt)), `the time (China time) is in the message: ${text}`);
    assert.equal(await shown('.msg-item').count(), 1, 'only the interview: applying tells the employer, not him');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('messages-seeker-inbox');

    const read = page.waitForResponse((r) => /\/api\/v1\/notifications\/[^/]+\/read$/.test(r.url()));
    await item.click();
    assert.equal((await read).status(), 200);
    await page.waitForURL(/#\/pages\/applications\/index/);
    await shown('.ac-card', { hasText: POST_TITLE }).waitFor();
    // Taro's H5 router leaves the tab page blank on a back pressed before the new page has settled.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.taro_page.taro_page_stationed')].some((el) => el.id.startsWith('/pages/applications/index')),
    );
    await page.waitForTimeout(300);

    await page.goBack();
    await page.waitForURL(/#\/pages\/messages\/index/);
    await shownText('没有新消息').waitFor();
    assert.ok(!(await shown('.msg-item', { hasText: '面试邀请' }).evaluate((el) => el.classList.contains('msg-unread'))), 'read');
    await page.waitForFunction(() => document.querySelectorAll('.taro-tabbar-badge').length === 0);
    assert.equal((await call('GET', '/notifications/unread-count', { token: seekerSession.token })).count, 0);
    await h.shot('messages-seeker-read');

    await h.setLargeText(true);
    await shown('.zg-large .msg-item').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.shot('messages-seeker-large');
    await h.setLargeText(false);
  });

  it('the admin sees the failed text message under 发送失败 and 重试 sends it again', STEP, async () => {
    // The interview's SMS went to a closed port with one try: a dead letter.
    const failed = await eventually('the SMS to fail', async () => {
      const { items } = await call('GET', '/admin/notifications/deliveries?status=failed&channel=sms', { token: adminToken });
      return items.find((d) => d.type === 'interview');
    });
    assert.equal(failed.attempts, 1);
    assert.ok(!JSON.stringify(failed).includes(WELDER.phone), 'no phone number in the admin view');

    await useSession(adminSession);
    await h.open('/packages/admin/pages/home/index');
    const card = shown('.home-deliveries');
    await card.waitFor();
    await card.locator('.zg-btn', { hasText: '消息发送情况' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/deliveries\/index/);
    await shown('.zg-chip-on', { hasText: /^发送失败 \d+$/ }).waitFor();
    const row = shown('.dl-item', { hasText: '面试邀请' }).filter({ hasText: '短信' }).first();
    await row.waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, /发给：张\*\*/);
    assert.match(rowText, /试了1次/);
    assert.ok(await row.locator('.dl-error').count(), 'the last error is shown');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('messages-admin-failed');

    const retried = page.waitForResponse((r) => r.url().endsWith('/retry') && r.request().method() === 'POST');
    await row.locator('.dl-retry', { hasText: '重试' }).click();
    const res = await retried;
    assert.equal(res.status(), 200);
    const body = await res.json();
    assert.notEqual(body.status, 'failed', 'no longer a dead letter once retried');
    await shown('.dl-item', { hasText: body.title }).locator('.zg-tag', { hasText: /^(待发送|发送中|已送达)$/ }).first().waitFor();
    await h.shot('messages-admin-retried');

    // The provider still does not answer: after its one more try it is back under 发送失败.
    const again = await eventually('the retried SMS to fail again', async () => {
      const { items } = await call('GET', '/admin/notifications/deliveries?status=failed&channel=sms', { token: adminToken });
      return items.find((d) => d.id === failed.id);
    });
    assert.equal(again.attempts, 1, 'a retry starts its tries afresh');
    await page.reload();
    await shown('.dl-item', { hasText: '面试邀请' }).filter({ hasText: '短信' }).first().locator('.dl-retry').waitFor();
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
