// Browser end-to-end test of personal-data rights (个人信息保护法 第四十五、四十七条) on the H5 build
// against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/personal-data.e2e.test.mjs
//
// A seeker of 西集镇 西集村 opens 我的个人信息 from 我的, downloads their data (a JSON file with their own
// 身份证号 and phone in full) and asks for erasure with a reason, through a confirm step. The liaison of
// their 村居 finds it under 注销申请 and declines it with a reason the seeker then reads; the seeker asks
// again and the liaison carries it out. The seeker's session then ends: the app sends them to log in and
// the API refuses their old token. Then the liaison erases a person who asked at the village window
// from the resident page, and the district admin finds all three under 注销申请. Screenshots (normal and 大字模式) go to dist/screenshots/pipl-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_WELDER, STEP, idNumberOf, launchBrowser, pageHelpers, startApi } from './support.mjs';

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

/** The demo welder's 村居 (西集镇 西集村), where the demo data has other residents too. */
const VILLAGE_CODE = DEMO_WELDER.villageCode;
const SEEKER = {
  name: '孙桂芳',
  idNumber: idNumberOf('37040619790512735'),
  phone: '13905460735',
};
const REASON = '已经找到工作，不再需要了';
const DECLINE_REASON = '您有一笔就业补贴正在办理，办结后可再申请';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const call = (method, path, options) => h.call(method, path, options);
const sheet = () => shown('.zg-sheet');

/** Now as ISO 8601 with an offset, as the consent time is sent. */
function nowWithOffset() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The status of a call made with `token` (no check): for the refusals. */
async function statusOf(method, path, token) {
  const res = await fetch(`${h.apiBase}${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return res.status;
}

describe('personal-data rights in Chromium against the real API', () => {
  let seekerSession;
  let liaisonSession;
  let requestId = '';

  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    liaisonSession = await call('POST', '/auth/dev-login', { body: { role: 'liaison', name: '刘书记', regionCode: VILLAGE_CODE } });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('a seeker opens 我的个人信息 from 我的: what the file holds, and what 注销 erases and keeps', STEP, async () => {
    await h.goToLogin();
    await h.pickRoleAndName('求职者', SEEKER.name);
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    seekerSession = await h.currentSession();
    // Their 求职信息 in 西集村, as 我的档案 saves it: this puts them under that 村居's liaison.
    await call('PUT', '/me/profile', {
      token: seekerSession.token,
      body: { ...DEMO_WELDER, ...SEEKER, villageCode: VILLAGE_CODE, consent: { method: 'self', at: nowWithOffset() } },
    });

    await h.tab('我的');
    await shown('.me-my-data', { hasText: '我的个人信息' }).click();
    await page.waitForURL(/#\/pages\/my-data\/index/);
    await shown('.md-download', { hasText: '下载我的数据' }).waitFor();
    // No request yet (404): the explanation and the form, not a state.
    await shown('.md-ask', { hasText: '申请注销账号' }).waitFor();
    const text = await shown('.zg-page', { has: page.locator('.md-delete') }).innerText();
    for (const s of ['完整的身份证号', '会删除的', '会留下的（不带姓名）', '往年统计的就业人数不会变', '重新登记']) {
      assert.ok(text.includes(s), `the page says ${s}`);
    }
    assert.equal(await shown('.md-state').count(), 0);
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('pipl-my-data');
  });

  it('下载我的数据 saves a JSON file with everything, their 身份证号 and phone in full', STEP, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zaogong-pipl-'));
    try {
      const downloading = page.waitForEvent('download');
      await shown('.md-download').click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^我的个人信息-\d{8}\.json$/);
      const file = join(dir, 'data.json');
      await download.saveAs(file);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(data.account.name, SEEKER.name);
      assert.equal(data.account.role, 'seeker');
      assert.equal(data.resident.idNumber, SEEKER.idNumber, 'their own 身份证号 in full');
      assert.equal(data.resident.phone, SEEKER.phone);
      assert.equal(data.resident.villageCode, VILLAGE_CODE);
      assert.deepEqual(data.deletionRequests, []);
      assert.ok(Array.isArray(data.applications) && Array.isArray(data.auditEntries));
      await shown('.md-done', { hasText: download.suggestedFilename() }).waitFor();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for erasure with a reason, through a confirm step; then shows 待处理', STEP, async () => {
    await shown('.md-reason-input textarea').fill(REASON);
    let posted = 0;
    const count = (req) => {
      if (req.url().endsWith('/api/v1/me/deletion-request') && req.method() === 'POST') posted += 1;
    };
    page.on('request', count);
    try {
      // 再想想 closes the confirm step and sends nothing.
      await shown('.md-ask').click();
      await sheet().filter({ hasText: '确定要注销账号吗？' }).waitFor();
      assert.match(await sheet().innerText(), /删除了就找不回来/);
      assert.match(await sheet().innerText(), new RegExp(`原因：${REASON}`));
      await h.shot('pipl-confirm');
      await sheet().locator('.cs-cancel').click();
      await sheet().waitFor({ state: 'detached' });
      assert.equal(posted, 0, 'nothing sent before the confirmation');

      await shown('.md-ask').click();
      const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/deletion-request') && r.request().method() === 'POST');
      await sheet().locator('.cs-submit', { hasText: '确认注销' }).click();
      const res = await created;
      assert.equal(res.status(), 201, await res.text());
      assert.deepEqual(res.request().postDataJSON(), { reason: REASON });
      requestId = (await res.json()).id;
      assert.equal(posted, 1);
    } finally {
      page.off('request', count);
    }
    const state = shown('.md-state-pending');
    await state.waitFor();
    const text = await state.innerText();
    assert.ok(text.includes('待处理') && text.includes(REASON), text);
    assert.equal(await shown('.md-ask').count(), 0, 'no second request while one is pending');
    // The API says the same (409 for a second one).
    assert.equal(await statusOf('POST', '/me/deletion-request', seekerSession.token), 409);
    await page.waitForTimeout(1600); // the toast goes
    await h.fullShot('pipl-pending');
  });

  it('大字模式: the page and its confirm step grow without spilling sideways', STEP, async () => {
    const title = shown('.md-export .zg-card-title');
    const normal = await h.fontSize(title);
    await h.setLargeText(true);
    const large = shown('.zg-large .md-export .zg-card-title');
    await large.waitFor();
    assert.ok((await h.fontSize(large)) >= normal * 1.2, 'titles are at least 1.2 × bigger');
    await shown('.md-state-pending').waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('pipl-pending-large');
    await h.setLargeText(false);
  });

  it('the liaison of their 村居 finds it under 注销申请 (待处理 first) and declines it with a reason', STEP, async () => {
    await h.useSession(liaisonSession);
    await h.open('/packages/liaison/pages/home/index');
    await shown('.home-privacy .zg-btn', { hasText: '注销申请' }).waitFor();
    await h.fullShot('pipl-liaison-home');
    await shown('.home-privacy .zg-btn', { hasText: '注销申请' }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/deletion-requests\/index/);
    const card = shown('.dr-row', { hasText: SEEKER.name });
    await card.waitFor();
    await shown('.zg-chip-on', { hasText: '待处理' }).waitFor();
    const text = await card.innerText();
    for (const s of ['待处理', '西集村', '本人在小程序里申请', REASON]) assert.ok(text.includes(s), `the card shows ${s}: ${text}`);
    await h.fullShot('pipl-requests');

    await card.locator('.dr-decline').click();
    await sheet().filter({ hasText: '不予办理' }).waitFor();
    await sheet().locator('.cs-submit').click();
    await sheet().locator('.zg-error', { hasText: '请写明原因' }).waitFor();
    await sheet().locator('.cs-preset', { hasText: DECLINE_REASON }).click();
    assert.equal(await sheet().locator('.zg-sheet-textarea textarea').inputValue(), DECLINE_REASON);
    const declined = page.waitForResponse((r) => r.url().endsWith(`/api/v1/privacy/deletion-requests/${requestId}/decline`));
    await sheet().locator('.cs-submit').click();
    const res = await declined;
    assert.equal(res.status(), 200, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { reason: DECLINE_REASON });
    await card.locator('.dr-badge', { hasText: '未同意' }).waitFor();
    await card.locator('.dr-note-declined', { hasText: DECLINE_REASON }).waitFor();
    assert.equal(await card.locator('.dr-actions').count(), 0, 'nothing left to do on it');
  });

  it('the seeker reads why it was declined and asks again', STEP, async () => {
    await h.useSession(seekerSession);
    await h.open('/pages/my-data/index');
    const state = shown('.md-state-declined');
    await state.waitFor();
    const text = await state.innerText();
    assert.ok(text.includes('未同意') && text.includes(DECLINE_REASON), text);
    await h.fullShot('pipl-declined');

    await shown('.md-ask').click();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/deletion-request') && r.request().method() === 'POST');
    await sheet().locator('.cs-submit').click();
    const res = await created;
    assert.equal(res.status(), 201, await res.text());
    assert.deepEqual(res.request().postDataJSON(), {}, 'no reason this time');
    requestId = (await res.json()).id;
    await shown('.md-state-pending').waitFor();
  });

  it('the liaison carries it out (办理, with a note, confirmed); the person becomes 已注销', STEP, async () => {
    await h.useSession(liaisonSession);
    await h.open('/packages/liaison/pages/deletion-requests/index');
    const card = shown('.dr-row-pending', { hasText: SEEKER.name });
    await card.waitFor();
    await card.locator('.dr-complete').click();
    await sheet().filter({ hasText: '确认删除' }).waitFor();
    const text = await sheet().innerText();
    for (const s of ['身份证号', '账号注销', '往年的就业人数不变', '删除了就找不回来']) assert.ok(text.includes(s), `the confirm step says ${s}`);
    await h.shot('pipl-complete-sheet');
    await h.setLargeText(true);
    await shown('.zg-large .dr-row-pending', { hasText: SEEKER.name }).locator('.dr-complete').click();
    await sheet().locator('.cs-preset', { hasText: '已电话核实本人意愿' }).click();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('pipl-complete-sheet-large');

    const completed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/privacy/deletion-requests/${requestId}/complete`));
    await sheet().locator('.cs-submit', { hasText: '确认删除' }).click();
    const res = await completed;
    assert.equal(res.status(), 200, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { note: '已电话核实本人意愿' });
    const done = shown('.dr-row-completed').filter({ hasText: '已电话核实本人意愿' });
    await done.waitFor();
    assert.ok((await done.innerText()).includes('已注销'), 'the name is gone');
    await page.waitForTimeout(1600);
    await h.fullShot('pipl-completed-large');
    await h.setLargeText(false);

    // 已删除 lists it; the 台账 no longer has the person.
    await shown('.zg-chip', { hasText: /^已删除$/ }).click();
    await shown('.dr-row-completed').first().waitFor();
    const found = await call('GET', `/residents?q=${encodeURIComponent(SEEKER.name)}`, { token: liaisonSession.token });
    assert.equal(found.items.length, 0, 'the person is out of the 台账');
  });

  it('the seeker’s session has ended: the app asks them to log in, and the API refuses the old token', STEP, async () => {
    await h.useSession(seekerSession);
    await h.open('/pages/my-data/index');
    await page.waitForURL(/#\/pages\/login\/index/);
    await shown('.login-role').first().waitFor();
    assert.equal(await page.evaluate(() => globalThis.localStorage.getItem('zg.token')), null, 'the session is cleared');
    await h.shot('pipl-logged-out');
    assert.equal(await statusOf('GET', '/me', seekerSession.token), 401);
    assert.equal(await statusOf('GET', '/me/data-export', seekerSession.token), 401);
    // A development login has no refresh token; a real session's is refused too (the API's own tests).
    if (seekerSession.refreshToken) {
      const refreshed = await fetch(`${h.apiBase}/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: seekerSession.refreshToken }),
      });
      assert.equal(refreshed.status, 401, 'the refresh token is refused too');
    }
  });

  it('a person who asked at the village window: 注销此人信息 on the resident page (reason, confirm)', STEP, async () => {
    await h.useSession(liaisonSession);
    const residents = await call('GET', '/residents?limit=50', { token: liaisonSession.token });
    const person = residents.items.find((r) => r.name !== SEEKER.name);
    assert.ok(person, 'the demo data has another resident in 西集村');
    await h.open('/packages/liaison/pages/residents/index');
    await shown('.res-row', { hasText: person.name }).first().click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title', { hasText: person.name }).waitFor();
    await shown('.rd-erase-btn', { hasText: '注销此人信息' }).waitFor();
    await h.fullShot('pipl-resident');
    await shown('.rd-erase-btn', { hasText: '注销此人信息' }).click();
    await sheet().filter({ hasText: `注销 ${person.name} 的信息` }).waitFor();
    await sheet().locator('.zg-sheet-textarea textarea').fill('本人');
    await sheet().locator('.cs-submit').click();
    await sheet().locator('.zg-error', { hasText: '至少4个字' }).waitFor();
    await sheet().locator('.cs-preset').first().click();
    await h.shot('pipl-erase-sheet');

    const erased = page.waitForResponse((r) => r.url().endsWith(`/api/v1/residents/${person.id}/erase`));
    const relisted = page.waitForResponse((r) => r.url().includes('/api/v1/residents?') && r.request().method() === 'GET');
    await sheet().locator('.cs-submit', { hasText: '确认删除' }).click();
    const res = await erased;
    assert.equal(res.status(), 200, await res.text());
    assert.deepEqual(res.request().postDataJSON(), { reason: '本人到村委会窗口申请删除个人信息' });
    const item = await res.json();
    assert.equal(item.source, 'in_person');
    assert.equal(item.status, 'completed');
    // Back on 居民名单, which loads again and no longer lists them.
    await page.waitForURL(/#\/packages\/liaison\/pages\/residents\/index/);
    const list = await (await relisted).json();
    assert.ok(!list.items.some((r) => r.id === person.id), 'gone from the list');
    await shown('.res-row', { hasText: person.name }).first().waitFor({ state: 'hidden' });
    await h.shot('pipl-after-erase');
    assert.equal(await statusOf('GET', `/residents/${person.id}`, liaisonSession.token), 404);
  });

  it('the district admin finds both under 账号管理 → 注销申请 (全部), handled, and none waiting', STEP, async () => {
    const adminSession = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    await h.useSession(adminSession);
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-accounts .zg-btn', { hasText: '注销申请' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/deletion-requests\/index/);
    await shown('.zg-state-title', { hasText: '没有待处理的注销申请' }).waitFor();
    await shown('.zg-chip', { hasText: /^全部$/ }).click();
    await shown('.dr-row').first().waitFor();
    // The seeker's two requests (declined, then carried out) and the one done at the window.
    assert.equal(await shown('.dr-row').count(), 3);
    assert.equal(await shown('.dr-row-completed').count(), 2);
    await shown('.dr-row-completed', { hasText: '本人到窗口申请' }).waitFor();
    await shown('.dr-row-declined', { hasText: DECLINE_REASON }).waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('pipl-admin-requests');
    await h.setLargeText(true);
    await shown('.zg-large .zg-chip', { hasText: /^全部$/ }).click();
    await shown('.zg-large .dr-row').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.fullShot('pipl-admin-requests-large');
    await h.setLargeText(false);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
