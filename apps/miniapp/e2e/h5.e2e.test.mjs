// Browser end-to-end test of the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium (`apt-get install -y chromium fonts-wqy-zenhei`).
// Run from the repository root:  node --test apps/miniapp/e2e/h5.e2e.test.mjs
//
// It starts `node scripts/start-api.mjs` on a free port with a fresh SQLite file and the demo data,
// drives a phone-sized headless Chromium through the public post list, a post, the login for each
// role and the large-text switch, and saves screenshots to dist/screenshots/.
/* global document, localStorage, window -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { URLSearchParams } from 'node:url';
import { STEP, launchBrowser, pageHelpers, startApi } from './support.mjs';

/** @type {Awaited<ReturnType<typeof startApi>> | undefined} */
let api;
let base = '';
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {import('playwright-core').Page} */
let page;
let pageErrors = [];
let failedApiCalls = [];
/** @type {ReturnType<typeof pageHelpers>} */
let h;

const getJson = (path) => h.getJson(path);
const getAsUser = (path) => h.getAsUser(path);
const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const open = (route) => h.open(route);
const shot = (name) => h.shot(name);
const fontSize = (locator) => h.fontSize(locator);
const setLargeText = (on) => h.setLargeText(on);
const goToLogin = () => h.goToLogin();
const pickRoleAndName = (role, name) => h.pickRoleAndName(role, name);

/** The newest public post that is a job, not a 零工 (whose bar signs up for a day). */
async function firstJob() {
  const { items } = await getJson('/posts?limit=50');
  const job = items.find((p) => p.type !== 'gig');
  assert.ok(job, 'the demo data has a job post');
  return job;
}

/** How many posts the public list holds (all of it, or one 镇街's), counted page by page. */
async function countPublicPosts(townCode) {
  let n = 0;
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (townCode) query.set('townCode', townCode);
    if (cursor) query.set('cursor', cursor);
    const res = await getJson(`/posts?${query}`);
    n += res.items.length;
    cursor = res.nextCursor;
  } while (cursor);
  return n;
}

/**
 * The 概况 card shows exactly what GET /stats/overview answers for the logged-in user.
 * Returns the card and the API's answer.
 */
async function checkOverviewCard(title) {
  const overview = await getAsUser('/stats/overview');
  const card = shown('.overview-card', { hasText: title });
  await card.locator('.overview-num').first().waitFor();
  assert.ok((await card.innerText()).includes(overview.regionName), `the card names ${overview.regionName}`);
  const expected = {
    登记居民: [overview.residents.total, '人'],
    其中求职中: [overview.residents.seeking, '人'],
    在招岗位: [overview.openPosts, '个'],
    认证企业: [overview.verifiedEmployers, '家'],
  };
  const rows = card.locator('.overview-row');
  assert.equal(await rows.count(), 4);
  for (const [label, [n, unit]] of Object.entries(expected)) {
    const row = rows.filter({ hasText: label });
    assert.equal(await row.count(), 1, `one row says ${label}`);
    assert.equal((await row.locator('.overview-num').innerText()).trim(), String(n), `${label} is ${n}`);
    assert.equal((await row.locator('.overview-unit').innerText()).trim(), unit);
  }
  // The numbers are the biggest text on the card.
  const num = await fontSize(card.locator('.overview-num').first());
  assert.ok(num > (await fontSize(card.locator('.overview-title'))), `numbers (${num}px) are bigger than the title`);
  return { card, overview };
}

/**
 * The liaison home's 村居 card (`.vc-village` for a 村居, `.vc-town` for a 镇街's totals) shows what
 * GET /liaison/villages answers for the logged-in user. Returns the answer.
 */
async function checkVillageCard(selector) {
  const answer = await getAsUser('/liaison/villages');
  const card = shown(selector);
  await card.locator('.vc-num').first().waitFor();
  const sum = (key) => answer.items.reduce((n, v) => n + v[key], 0);
  assert.deepEqual(
    await card.locator('.vc-stats .vc-num').allInnerTexts(),
    [sum('seeking'), sum('employedThisYear'), sum('toConfirm')].map(String),
  );
  assert.deepEqual(await card.locator('.vc-label').allInnerTexts(), ['求职中', '今年已就业', '待确认上班']);
  assert.ok((await card.innerText()).includes(answer.regionName), `the card names ${answer.regionName}`);
  return answer;
}

describe('H5 build in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    base = api.base;
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, base);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('shows published posts on the first screen without logging in', STEP, async () => {
    const { items } = await getJson('/posts?limit=5');
    assert.ok(items.length >= 5, `the demo data should have at least 5 published posts, got ${items.length}`);

    await page.goto(`${base}/`);
    const cards = shown('.post-card');
    await cards.nth(4).waitFor();
    assert.ok((await cards.count()) >= 5);
    assert.doesNotMatch(page.url(), /login/);
    assert.equal(await page.evaluate(() => localStorage.getItem('zg.token')), null, 'nobody is logged in');

    const first = items[0];
    const card = cards.filter({ hasText: first.title }).first();
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, new RegExp(`${first.wageMin}`), 'the card shows the pay');
    assert.ok(text.includes(first.employer.name), 'the card shows the employer');
    if (first.employer.verified) assert.ok(text.includes('已认证'));
    if (first.townName) assert.ok(text.includes(first.townName), 'the card shows the 镇街');
    assert.match(text, /发布/, 'the card says when it was published');

    // Normal text is already large: at least 16 CSS px on a 390 px wide phone.
    assert.ok((await fontSize(shown('.zg-page', { has: page.locator('.post-card') }))) >= 16, 'base font is at least 16px');
    await shot('seeker-home');
  });

  it('filters the list by type (零工)', STEP, async () => {
    const { items } = await getJson('/posts?type=gig&limit=20');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/posts') && r.url().includes('type=gig'));
    await shown('.zg-chip', { hasText: /^类型 ▾$/ }).click();
    await shown('.zg-sheet-option', { hasText: /^零工/ }).click();
    await answered;
    const cards = shown('.post-card');
    if (items.length === 0) {
      await shownText('没有找到合适的岗位').waitFor();
    } else {
      await cards.filter({ hasText: items[0].title }).first().waitFor();
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('.post-card')].filter((e) => e.offsetParent !== null).length === n,
        items.length,
      );
      for (const t of await cards.allInnerTexts()) assert.ok(t.includes('零工'), `every card is 零工: ${t}`);
    }
    await shownText('✕ 清除筛选').click();
    await shown('.post-card').nth(4).waitFor();
  });

  it('shows a friendly empty state when a search finds nothing', STEP, async () => {
    await shown('.search-input input').fill('没有这种工作');
    await shown('.search-btn').click();
    await shownText('没有找到合适的岗位').waitFor();
    await shownText('看全部岗位').click();
    await shown('.post-card').nth(4).waitFor();
    assert.equal(await shown('.search-input input').inputValue(), '');
  });

  it('loads the next page of posts when scrolled to the bottom', STEP, async () => {
    const first = await getJson('/posts?limit=20');
    if (!first.nextCursor) return; // fewer than one page of demo posts: nothing more to load
    const second = await getJson(`/posts?limit=20&cursor=${encodeURIComponent(first.nextCursor)}`);
    const cards = shown('.post-card');
    await cards.nth(19).waitFor();
    assert.equal(await cards.count(), 20);
    const more = page.waitForResponse((r) => r.url().includes('/api/v1/posts') && r.url().includes('cursor='));
    await cards.nth(19).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 5000);
    await more;
    await cards.filter({ hasText: second.items[0].title }).first().waitFor();
    assert.equal(await cards.count(), 20 + second.items.length);
  });

  it('opens a post and shows all of its detail', STEP, async () => {
    // A job (a 零工's bar signs up for a day instead: gigs-seeker.e2e.test.mjs).
    const post = await firstJob();
    await shown('.post-card', { hasText: post.title }).first().click();
    await page.waitForURL(/#\/pages\/post\/index\?id=/);
    await shown('.post-title', { hasText: post.title }).waitFor();
    const body = await shown('.zg-page', { has: page.locator('.post-title') }).innerText();
    assert.ok(body.includes(post.description.slice(0, 10)), 'the description is shown');
    assert.ok(body.includes(post.employer.name));
    for (const skill of post.skills) assert.ok(body.includes(skill), `skill ${skill} is shown`);
    assert.ok(body.includes('工作内容') && body.includes('福利待遇'));
    await shownText('我要报名').waitFor();
    await shot('post-detail');
  });

  it('every page has a title bar: back from a post to the list; a shared post link has a home button', STEP, async () => {
    const bar = page.locator('.taro-navigation-bar-show');
    await bar.waitFor();
    assert.ok((await bar.innerText()).includes('岗位详情'), 'the post page is titled');
    await page.locator('.taro-navigation-bar-show .taro-navigation-bar-back').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    // Opened straight from a link (no page behind it): a home button instead.
    const { items } = await getJson('/posts?limit=1');
    await page.goto(`${base}/#/pages/post/index?id=${items[0].id}`);
    await shown('.post-title').waitFor();
    await page.locator('.taro-navigation-bar-show .taro-navigation-bar-home').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    await shown('.post-card').first().waitFor();
  });

  it('an unknown address says so and leads home', STEP, async () => {
    await page.goto(`${base}/#/pages/no-such-page/index`);
    await shownText('这个页面找不到了').waitFor();
    await shot('not-found');
    await shownText('回首页找工作').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    // Back to a job post for the steps that follow.
    await shown('.post-card', { hasText: (await firstJob()).title }).first().click();
    await page.waitForURL(/#\/pages\/post\/index\?id=/);
    await shown('.post-title').waitFor();
  });

  it('asks a visitor to log in before applying, and asks the question again once back', STEP, async () => {
    await shownText('我要报名').click();
    await page.waitForURL(/#\/pages\/login\/index\?redirect=/);
    await pickRoleAndName('求职者', '张大爷');
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/post\/index/);
    // The whole flow is in applications.e2e.test.mjs; here he only says no for now.
    const sheet = shown('.zg-sheet', { hasText: '把您的姓名和电话发给企业？' });
    await sheet.waitFor();
    await sheet.locator('.zg-btn', { hasText: '先不报' }).click();
    const apply = shown('.post-apply');
    await apply.filter({ hasText: /^我要报名$/ }).waitFor();
    assert.doesNotMatch((await apply.getAttribute('class')) ?? '', /zg-btn-disabled/);
    assert.ok(await page.evaluate(() => localStorage.getItem('zg.token')), 'a token is stored');
  });

  it('logs in as 求职者 through the role picker and lands on the post list', STEP, async () => {
    await open('/pages/me/index');
    await shown('.me-name', { hasText: '张大爷' }).waitFor();
    await shown('.zg-tag', { hasText: /^求职者$/ }).waitFor();
    await goToLogin();
    assert.equal(await page.evaluate(() => localStorage.getItem('zg.token')), null, '切换角色 logs out');
    await pickRoleAndName('求职者', '王秀英');
    await shot('login');
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    await shown('.post-card').nth(4).waitFor();
  });

  it('大字模式 makes the text bigger and survives a reload', STEP, async () => {
    const normal = await fontSize(shown('.post-card-title').first());
    await open('/pages/me/index');
    await shown('.me-toggle-row').click();
    await shown('.zg-page.zg-large').first().waitFor();
    await shownText('已打开').waitFor();
    await page.reload();
    await shown('.zg-page.zg-large').first().waitFor();
    await shownText('已打开').waitFor();

    await shown('.weui-tabbar__item', { hasText: '找工作' }).click();
    await page.waitForURL(/#\/pages\/index\/index/);
    const title = shown('.zg-large .post-card-title').first();
    await title.waitFor();
    const large = await fontSize(title);
    assert.ok(large >= normal * 1.2, `large text ${large}px should be at least 1.2 × ${normal}px`);
    await shot('large-text');

    await shown('.weui-tabbar__item', { hasText: '我的' }).click();
    await shown('.me-toggle-row').click();
    await shownText('已关闭').waitFor();
    assert.equal(await shown('.zg-page.zg-large').count(), 0);
  });

  it('logs in as 联络员 for a 村居 and lands on the liaison home', STEP, async () => {
    const { items: towns } = await getJson('/regions?parent=370406');
    assert.equal(towns.length, 11, 'the district has 11 镇街');
    const town = towns[0];
    const { items: villages } = await getJson(`/regions?parent=${town.code}`);
    assert.ok(villages.length > 0);
    const village = villages[0];

    await goToLogin();
    await pickRoleAndName('联络员', '刘书记');
    await shown('.zg-chip', { hasText: new RegExp(`^${town.name}$`) }).click();
    await shown('.zg-chip', { hasText: new RegExp(`^${village.name}$`) }).click();
    await shown('.login-scope', { hasText: village.name }).waitFor();
    await shownText('以联络员身份登录').click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    await shownText('您好，刘书记').waitFor();
    await shown('.zg-card', { hasText: '负责范围' }).filter({ hasText: village.name }).waitFor();
    // 消息 is on the same tab bar as everyone's.
    await shown('.zg-tabbar-item', { hasText: '消息' }).waitFor();

    const answer = await checkVillageCard('.vc-village');
    assert.equal(answer.regionCode, village.code, 'a 村居 liaison sees their own 村居');
    assert.deepEqual(answer.items.map((v) => v.code), [village.code]);
    await shown('.td-card', { hasText: '今日要办' }).waitFor();
    await shot('liaison-home');
  });

  it('大字模式 makes the 村居 numbers on the liaison home bigger', STEP, async () => {
    const normal = await fontSize(shown('.vc-num').first());
    const label = await fontSize(shown('.vc-label').first());
    await setLargeText(true);
    const num = shown('.zg-large .vc-num').first();
    await num.waitFor();
    const large = await fontSize(num);
    assert.ok(large >= normal * 1.2, `large numbers ${large}px should be at least 1.2 × ${normal}px`);
    assert.ok((await fontSize(shown('.zg-large .vc-label').first())) >= label * 1.2, 'the labels grow too');
    // Nothing spills sideways on a phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
    await checkVillageCard('.vc-village');
    await shot('liaison-home-large');
    await setLargeText(false);
    await shown('.vc-num').first().waitFor();
    assert.equal(await shown('.zg-page.zg-large').count(), 0);
  });

  it('a 联络员 for a whole 镇街 sees the 镇街 in numbers and its 村居 five at a time', STEP, async () => {
    const { items: towns } = await getJson('/regions?parent=370406');
    const town = towns[1];
    const { items: villages } = await getJson(`/regions?parent=${town.code}`);

    await goToLogin();
    await pickRoleAndName('联络员', '陈主任');
    await shown('.zg-chip', { hasText: new RegExp(`^${town.name}$`) }).click();
    await shown('.zg-chip', { hasText: /^整个镇街$/ }).click();
    await shownText('以联络员身份登录').click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    const card = shown('.vc-town', { hasText: `共${villages.length}个村居` });
    await card.waitFor();
    const answer = await checkVillageCard('.vc-town');
    assert.equal(answer.regionCode, town.code, 'a 镇街 liaison sees the whole 镇街');
    assert.equal(await card.locator('.vc-row').count(), Math.min(5, villages.length), 'five 村居, not a page-long list');
    if (villages.length > 5) {
      await card.locator('.vc-all', { hasText: `查看全部 ${villages.length} 个村居` }).click();
      assert.equal(await card.locator('.vc-row').count(), villages.length);
      for (const v of villages.slice(0, 3)) await card.locator('.vc-row', { hasText: v.name }).waitFor();
    }
  });

  it('the 村居 card shows the API\'s message when it fails, and loads again on 重新加载', STEP, async () => {
    const route = '**/api/v1/liaison/villages*';
    await page.route(route, (r) =>
      r.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 403, message: '该地区不在您的管辖范围内' }),
      }),
    );
    await page.reload();
    const card = shown('.vc-card', { hasText: '村里的情况' });
    await card.locator('.zg-error', { hasText: '该地区不在您的管辖范围内' }).waitFor();
    assert.equal(await shown('.vc-num').count(), 0, 'no numbers without an answer');
    await shot('liaison-home-error');

    await page.unroute(route);
    await card.locator('.zg-btn', { hasText: '重新加载' }).click();
    await shown('.vc-town .vc-num').first().waitFor();
    assert.equal(await shown('.vc-card .zg-error').count(), 0, 'the message is gone');
    await checkVillageCard('.vc-town');
  });

  it('logs in as 企业 and lands on the employer home', STEP, async () => {
    await goToLogin();
    await pickRoleAndName('企业', '孙经理');
    await shownText('以企业身份登录').click();
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shownText('您好，孙经理').waitFor();
    await shownText('查看招工信息').waitFor();
    // A new employer user has no employer yet: registering it comes first.
    await shownText('第一步：登记您的企业').waitFor();
    await shot('employer-home');
  });

  it('logs in as 管理员 and sees the district in numbers and the 11 镇街 with their 村居 counts', STEP, async () => {
    const { items: towns } = await getJson('/regions?parent=370406');
    const counts = await Promise.all(
      towns.map(async (t) => (await getJson(`/regions?parent=${t.code}`)).items.length),
    );
    const total = counts.reduce((a, b) => a + b, 0);

    await goToLogin();
    await pickRoleAndName('管理员', '周科长');
    await shownText('以管理员身份登录').click();
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await shownText('您好，周科长').waitFor();
    await shown('.zg-card', { hasText: `共 ${towns.length} 个镇街、${total} 个村居` }).waitFor();
    const rows = shown('.zg-list-item');
    assert.equal(await rows.count(), towns.length);
    for (const [i, t] of towns.entries()) {
      assert.ok((await rows.nth(i).innerText()).includes(t.name), `row ${i} is ${t.name}`);
      assert.ok((await rows.nth(i).innerText()).includes(`${counts[i]} 个村居`), `${t.name} has ${counts[i]} 村居`);
    }

    const { overview } = await checkOverviewCard('全区概况');
    assert.equal(overview.regionCode, '370406', 'a district admin sees the whole district');
    assert.equal(overview.openPosts, await countPublicPosts(), 'open posts are the whole public list');
    // The 概况 card comes before the 镇街 list.
    const [overviewTop, townsTop] = await Promise.all(
      [shown('.overview-card'), shown('.zg-card', { hasText: `共 ${towns.length} 个镇街` })].map(
        async (l) => (await l.boundingBox())?.y ?? Number.NaN,
      ),
    );
    assert.ok(overviewTop < townsTop, '全区概况 is above the 镇街 list');
    await shot('admin-home');
  });

  it('a stale token is dropped and the user is sent to log in again', STEP, async () => {
    await page.evaluate(() => {
      localStorage.setItem('zg.token', JSON.stringify({ data: 'not-a-real-token' }));
    });
    await open('/packages/admin/pages/home/index');
    await page.waitForURL(/#\/pages\/login\/index/);
    await shown('.login-role').first().waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('zg.token')), null, 'the token was cleared');
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
