// Browser end-to-end test of the role homes and the resident form of issue 13, on the H5 build against
// the real API (demo data).
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/liaison-home.e2e.test.mjs
//
// 1. A 村居 liaison's home is short: their 村居 card with 求职中 / 今年已就业 / 待确认上班 (as GET /liaison/villages
//    answers), 今日要办 with three items per group and 查看全部, each item opening where it gets done, and the
//    app's tab bar; a 镇街 liaison sees five 村居 and 查看全部, not a page-long list. Normal and 大字模式.
// 2. 登记居民: typing a 身份证号 registered already shows 「这个身份证号已经登记过了（…），点这里查看」 under the field
//    at once (before 下一步 and the consent); a liaison of another 村居 is told only that it is registered.
// 3. 修改居民信息: 想去的镇街 is on the form; saving without touching the wage or distance keeps them; 不限 clears.
// 4. The employer home: one big button per action and the same tab bar, whose 消息 carries the unread count.
//
// Waiting and quiet people need time to pass: the test owns the API's SQLite file and moves a few
// records' dates back (as if they were made weeks ago) before the pages read them.
/* global document */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_WELDER, STEP, launchBrowser, pageHelpers, startApi } from './support.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');

const TOWN = '370406102'; // the demo welder 张建国's 镇街
const VILLAGE = DEMO_WELDER.villageCode; // and 村居
const DAY = 86_400_000;
const todayChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** A moment as TypeORM keeps it in SQLite (UTC, milliseconds). */
const sqliteTime = (d) => d.toISOString().replace('T', ' ').replace('Z', '');

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
let dataDir = '';
let dbFile = '';

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);

/** The height of the page's content (Taro's H5 pages scroll inside their own element). */
const contentHeight = () =>
  page.evaluate(() => {
    let tallest = document.documentElement.scrollHeight;
    for (const el of document.querySelectorAll('.zg-page')) if (el.getClientRects().length) tallest = Math.max(tallest, el.scrollHeight);
    return tallest;
  });

describe('liaison and employer homes, and the resident form, in Chromium', () => {
  const s = {}; // sessions
  const ids = {}; // records made for the test
  let employerId = '';
  let postId = '';
  let serial = 0;

  /** A valid 身份证号 from a 17-digit body (the same arithmetic as GB 11643). */
  const idOf = (body) => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(body[i]) * w[i];
    return body + '10X98765432'[sum % 11];
  };
  const register = async (name, over = {}) => {
    const n = ++serial;
    const r = await call('POST', '/residents', {
      token: s.liaison.token,
      body: {
        name,
        idNumber: idOf(`37040619750601${300 + n}`),
        phone: `1370632${String(5000 + n).padStart(4, '0')}`,
        villageCode: VILLAGE,
        skills: ['编织'],
        desiredOccupations: ['6-05-01'],
        availability: ['full_time'],
        consent: { method: 'signature', at: new Date().toISOString() },
        ...over,
      },
    });
    return r.id;
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'zaogong-homes-'));
    dbFile = join(dataDir, 'homes.sqlite');
    api = await startApi({ DATABASE_URL: `sqlite:${dbFile}` });
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    const login = (body) => call('POST', '/auth/dev-login', { body });
    s.liaison = await login({ role: 'liaison', name: '刘书记', regionCode: VILLAGE });
    s.other = await login({ role: 'liaison', name: '邻村联络员', regionCode: `${TOWN}202` });
    s.town = await login({ role: 'liaison', name: '陈主任', regionCode: TOWN });
    s.admin = await login({ role: 'admin', name: '区人社局' });
    const { items } = await h.getJson('/posts?limit=20');
    const post = items.find((p) => p.type === 'full_time') ?? items[0];
    postId = post.id;
    employerId = post.employer.id;
    s.employer = await login({ role: 'employer', name: '王经理', employerId });

    // 今日要办 of the 村居: a hire that started today with nobody's confirmation, an application ten days
    // without news, and four people quiet for over a month (so 查看全部 appears after three).
    ids.hired = await register('李桂兰');
    ids.hire = (await call('POST', '/hires', { token: s.admin.token, body: { residentId: ids.hired, employerId, startDate: todayChina() } })).id;
    ids.waiting = await register('赵大勇');
    ids.application = (await call('POST', '/applications', { token: s.liaison.token, body: { postId, residentId: ids.waiting } })).id;
    ids.quiet = [];
    for (const name of ['孙秀梅', '周建华', '吴德明', '郑玉兰']) ids.quiet.push(await register(name));
    ids.edited = await register('冯春花', { expectedWageMin: 150, wageUnit: 'day', maxCommuteKm: 15 });

    const db = new Database(dbFile);
    try {
      const old = (days) => sqliteTime(new Date(Date.now() - days * DAY));
      db.prepare('UPDATE applications SET created_at = ?, updated_at = ? WHERE id = ?').run(old(10), old(10), ids.application);
      ids.quiet.forEach((id, i) => db.prepare('UPDATE residents SET created_at = ? WHERE id = ?').run(old(40 + i), id));
      // The demo welder registered long ago too, and never applied.
      db.prepare('UPDATE residents SET created_at = ? WHERE village_code = ? AND name = ?').run(old(60), VILLAGE, DEMO_WELDER.name);
    } finally {
      db.close();
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a 村居 liaison’s home: their 村居 in numbers, 今日要办 three at a time, the tab bar, and short', STEP, async () => {
    await h.useSession(s.liaison);
    await h.open('/packages/liaison/pages/home/index');
    const card = shown('.vc-village');
    await card.waitFor();
    const { items } = await call('GET', '/liaison/villages', { token: s.liaison.token });
    assert.equal(items.length, 1);
    const v = items[0];
    assert.deepEqual(
      await card.locator('.vc-num').allInnerTexts(),
      [v.seeking, v.employedThisYear, v.toConfirm].map(String),
      'the card shows what GET /liaison/villages answers',
    );
    assert.equal(v.toConfirm, 1);
    assert.match(await card.innerText(), new RegExp(v.name));

    const todo = await call('GET', '/liaison/today', { token: s.liaison.token });
    const hires = shown('.td-hiresToConfirm');
    await hires.locator('.td-item', { hasText: '李桂兰' }).waitFor();
    assert.match(await hires.locator('.td-count').innerText(), /^1$/);
    await shown('.td-staleApplications .td-item', { hasText: '赵大勇' }).waitFor();
    assert.match(await shown('.td-staleApplications').innerText(), /报名7天以上没有进展/);
    assert.match(await shown('.td-staleApplications .td-item').innerText(), /10天没动静/);
    const calls = shown('.td-toCall');
    assert.equal(todo.toCall.total, 5, 'four quiet people and the demo welder');
    assert.equal(await calls.locator('.td-item').count(), 3, 'three at first');
    await calls.locator('.td-all', { hasText: '查看全部 5 个' }).waitFor();

    // The app's tab bar, with 我的 lit (the home is what 我的 leads to).
    assert.deepEqual(await shown('.zg-tabbar .zg-tabbar-label').allInnerTexts(), ['找工作', '消息', '我的']);
    assert.match(await shown('.zg-tabbar-on').innerText(), /我的/);
    // Short: no page-long list (the old home ran to 3,600 px for a 镇街).
    const height = await contentHeight();
    assert.ok(height < 2600, `the home is ${height}px tall`);
    await h.fullShot('homes-liaison');

    await calls.locator('.td-all').click();
    await calls.locator('.td-item').nth(4).waitFor();
    assert.equal(await calls.locator('.td-item').count(), 5);
    await h.fullShot('homes-liaison-all-calls');
    await calls.locator('.td-all', { hasText: '收起' }).click();
    await calls.locator('.td-item').nth(3).waitFor({ state: 'detached' });

    // Each item opens where it gets done.
    await hires.locator('.td-item').first().click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/hires\/index/);
    await shown('.lh-hire', { hasText: '李桂兰' }).waitFor();
    await page.goBack();
    await shown('.td-toCall .td-item').first().click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title').waitFor();
    await page.goBack();
    await shown('.vc-village').click();
    await page.waitForURL(new RegExp(`#/packages/liaison/pages/residents/index\\?villageCode=${VILLAGE}`));
    await shown('.res-row', { hasText: '冯春花' }).waitFor();
  });

  it('the same home in 大字模式 stays on the phone’s width, numbers bigger', STEP, async () => {
    await h.open('/packages/liaison/pages/home/index');
    const num = shown('.vc-num').first();
    await num.waitFor();
    const normal = await h.fontSize(num);
    await h.setLargeText(true);
    const large = shown('.zg-large .vc-num').first();
    await large.waitFor();
    assert.ok((await h.fontSize(large)) >= normal * 1.2, 'bigger numbers');
    await shown('.zg-large .td-item').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no sideways scroll');
    assert.ok((await h.fontSize(shown('.zg-large .zg-tabbar-label').first())) > 14, 'the tab bar grows too');
    await h.fullShot('homes-liaison-large');
    await h.setLargeText(false);
  });

  it('a 镇街 liaison sees the 镇街’s totals and five 村居, the rest behind 查看全部', STEP, async () => {
    await h.useSession(s.town);
    await h.open('/packages/liaison/pages/home/index');
    const card = shown('.vc-town');
    await card.waitFor();
    const { items } = await call('GET', '/liaison/villages', { token: s.town.token });
    assert.ok(items.length > 5, `the 镇街 has ${items.length} 村居`);
    assert.equal(await card.locator('.vc-row').count(), 5);
    // The 村居 with a hire waiting comes first.
    assert.match(await card.locator('.vc-row').first().innerText(), new RegExp(items.find((i) => i.code === VILLAGE).name));
    const seeking = items.reduce((n, i) => n + i.seeking, 0);
    assert.equal(await card.locator('.vc-stats .vc-num').first().innerText(), String(seeking));
    const all = card.locator('.vc-all', { hasText: `查看全部 ${items.length} 个村居` });
    await all.waitFor();
    const height = await contentHeight();
    assert.ok(height < 2800, `the 镇街 home is ${height}px tall`);
    await h.fullShot('homes-town-liaison');
    await all.click();
    assert.equal(await card.locator('.vc-row').count(), items.length);
    await card.locator('.vc-all', { hasText: '收起' }).click();
    await h.setLargeText(true);
    await shown('.zg-large .vc-town').waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('homes-town-liaison-large');
    await h.setLargeText(false);
  });

  it('登记居民: a 身份证号 registered already shows under the field as soon as it is typed', STEP, async () => {
    await h.useSession(s.liaison);
    await h.open('/packages/liaison/pages/resident-form/index');
    const input = shown('.rf-input-id input');
    await input.waitFor();
    const checked = page.waitForRequest((r) => r.url().endsWith('/residents/id-check'));
    await input.fill(DEMO_WELDER.idNumber);
    const sent = await checked;
    assert.deepEqual(sent.postDataJSON(), { idNumber: DEMO_WELDER.idNumber }, 'the number goes in the body, not the address');
    const note = shown('#rf-idNumber .rf-dup');
    await note.waitFor();
    const village = (await call('GET', '/liaison/villages', { token: s.liaison.token })).items[0].name;
    assert.equal((await note.innerText()).replace(/\s/g, ''), `这个身份证号已经登记过了（${village}），点这里查看`);
    await h.shot('homes-id-duplicate');
    // 下一步 does not go on to the consent.
    await shown('.rf-submit').click();
    await shown('#rf-idNumber .rf-dup').waitFor();
    assert.equal(await shown('.rf-consent').count(), 0, 'no consent step for a duplicate');
    await note.click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title', { hasText: DEMO_WELDER.name }).waitFor();

    // In 大字模式, and for a liaison of another 村居: only that it is registered, and whom to ask.
    await h.useSession(s.other);
    await h.open('/packages/liaison/pages/resident-form/index');
    await h.setLargeText(true);
    await shown('.zg-large .rf-input-id input').fill(DEMO_WELDER.idNumber);
    const elsewhere = shown('#rf-idNumber .rf-dup');
    await elsewhere.waitFor();
    const text = await elsewhere.innerText();
    assert.match(text, /已经在别的村居登记过了/);
    assert.doesNotMatch(text, new RegExp(village), 'the other 村居 is not named');
    assert.equal(await h.scrollsSideways(), false);
    await h.shot('homes-id-duplicate-elsewhere-large');
    await h.setLargeText(false);
    // A number nobody has: no note.
    await shown('.rf-input-id input').fill(idOf('37040619900101123'));
    await shown('.rf-derived-ok').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await shown('#rf-idNumber .rf-dup').count(), 0);
  });

  it('修改居民信息: 想去的镇街 is on the form; an untouched wage and distance are kept, 不限 clears', STEP, async () => {
    await h.useSession(s.liaison);
    await h.open(`/packages/liaison/pages/resident-form/index?id=${ids.edited}`);
    const towns = shown('#rf-desiredTownCodes');
    await towns.locator('.zg-chip').first().waitFor();
    assert.equal(await towns.locator('.zg-chip').count(), 11, 'the district’s 11 镇街');
    const townName = await towns.locator('.zg-chip').nth(1).innerText();
    await towns.locator('.zg-chip').nth(1).click();
    const patched = page.waitForRequest((r) => r.url().includes(`/residents/${ids.edited}`) && r.method() === 'PATCH');
    await shown('.rf-submit').click();
    const body = (await patched).postDataJSON();
    assert.equal(body.desiredTownCodes.length, 1);
    assert.ok(!('expectedWageMin' in body) && !('maxCommuteKm' in body), `only what changed is sent: ${JSON.stringify(body)}`);
    let r = await call('GET', `/residents/${ids.edited}`, { token: s.liaison.token });
    assert.deepEqual([r.expectedWageMin, r.wageUnit, r.maxCommuteKm], [150, 'day', 15]);
    assert.equal(r.desiredTownCodes.length, 1);

    // A blank box keeps the value (and says so); 不限 clears it.
    await h.open(`/packages/liaison/pages/resident-form/index?id=${ids.edited}`);
    await shown('.rf-input-km input').fill('');
    await shown('#rf-maxCommuteKm .rf-kept', { hasText: '空着就保留原来的：15公里' }).waitFor();
    await shown('#rf-expectedWageMin .zg-chip', { hasText: '不限' }).click();
    await shown('#rf-expectedWageMin .rf-kept', { hasText: '选了“不限”' }).waitFor();
    await shown('#rf-desiredTownCodes .zg-chip-on', { hasText: townName.replace(/^✓\s*/, '') }).waitFor();
    await h.fullShot('homes-resident-edit');
    const second = page.waitForRequest((req) => req.url().includes(`/residents/${ids.edited}`) && req.method() === 'PATCH');
    await shown('.rf-submit').click();
    assert.deepEqual((await second).postDataJSON(), { expectedWageMin: null });
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index/);
    r = await call('GET', `/residents/${ids.edited}`, { token: s.liaison.token });
    assert.deepEqual([r.expectedWageMin, r.wageUnit, r.maxCommuteKm], [null, null, 15]);
  });

  it('the employer home: one big button per action and the same tab bar, with the unread count on 消息', STEP, async () => {
    await h.useSession(s.employer);
    await h.open('/packages/employer/pages/home/index');
    await shown('.eh-big', { hasText: '发布招工' }).waitFor();
    assert.deepEqual(await shown('.eh-action').allInnerTexts(), ['我的岗位和报名的人', '找合适的人', '企业信息', '邀请同事']);
    assert.deepEqual(await shown('.zg-tabbar .zg-tabbar-label').allInnerTexts(), ['找工作', '消息', '我的']);
    // The liaison's application for 赵大勇 told the employer: the count is on the bar.
    const { count } = await call('GET', '/notifications/unread-count', { token: s.employer.token });
    assert.ok(count > 0);
    assert.equal(await shown('.zg-tabbar-badge').innerText(), String(count > 99 ? '99+' : count));
    assert.equal(await shown('.home-messages').count(), 0, 'one way to 消息: the tab bar');
    await h.shot('homes-employer');
    await h.fullShot('homes-employer-full');

    // 我的岗位和报名的人 goes down to the list.
    await shown('.eh-action-posts').click();
    await shown('#eh-posts .mp-card').first().waitFor();
    // 找合适的人 opens the 推荐人选 of a published post (or asks which).
    await shown('.eh-action-people').click();
    const sheet = page.locator('.taro-actionsheet__cell, .taro-actionsheet__menu').filter({ visible: true }).first();
    await Promise.race([page.waitForURL(/#\/packages\/employer\/pages\/candidates\/index\?postId=/), sheet.waitFor()]);
    if (!/candidates/.test(page.url())) {
      await sheet.click();
      await page.waitForURL(/#\/packages\/employer\/pages\/candidates\/index\?postId=/);
    }
    await shown('.cd-head, .zg-state').first().waitFor();
    await h.open('/packages/employer/pages/home/index');
    await shown('.eh-big').waitFor();

    await h.setLargeText(true);
    await shown('.zg-large .eh-action').first().waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.shot('homes-employer-large');
    await h.setLargeText(false);

    // The bar switches tabs.
    await shown('.zg-tabbar-item', { hasText: '消息' }).click();
    await page.waitForURL(/#\/pages\/messages\/index/);
    await h.open('/packages/employer/pages/home/index');
    await shown('.zg-tabbar-item', { hasText: '我的' }).click();
    await page.waitForURL(/#\/pages\/me\/index/);
    await shown('.zg-btn', { hasText: '进入企业工作台' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    // Until the page transition ends, the home left behind for 我的 still shows its bar too.
    await page.waitForFunction(() => [...document.querySelectorAll('.zg-tabbar')].filter((el) => el.getClientRects().length > 0).length === 1);
    await shown('.zg-tabbar-item', { hasText: '找工作' }).click();
    await page.waitForURL(/#\/pages\/index\/index/);
  });

  it('no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
