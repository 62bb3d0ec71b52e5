// Browser end-to-end test of the employer pages of the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/posts-employer.e2e.test.mjs
//
// An employer user without an employer registers one (统一社会信用代码 checked as typed, a taken
// code explained), an admin verifies it in 企业认证, the employer posts a vacancy through the form
// (the live compliance hint appears for "限男性" and goes when it is removed; a submission with it is
// rejected and stays on the form), an admin approves it in 岗位审核, a seeker finds it by keyword, a
// colleague joins with a 加入码, and the employer closes the post. Screenshots go to dist/screenshots/.
/* global document, navigator, window -- used inside page.evaluate() callbacks, which run in the browser */
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

const CREDIT_CODE = creditCodeOf('MA7E2T09');
/** The demo data's 福源豆制品加工厂 (apps/api/src/database/seeds/demo.data.ts): already registered. */
const TAKEN_CODE = creditCodeOf('MA3D0F01');
const EMPLOYER = { name: '山亭区老王千张加工坊', address: '西集镇驻地工业园南门', contact: '王师傅', phone: '13905462233' };
const OWNER = '王老板';
const COLLEAGUE = '李会计';
const POST = {
  title: '千张压制工',
  clean: '压千张、豆皮，男女不限，早上6点上班，中午管饭。手脚麻利就行，不会的可以学。',
  biased: '压千张、豆皮，限男性，早上6点上班，中午管饭。',
};

let town; // the employer's 镇街
let postId = '';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const field = (id) => shown(`#${id}`);
const input = (cls) => shown(`.${cls} input`);
const chip = (scope, label) => scope.locator('.zg-chip', { hasText: new RegExp(`^(✓ )?${label}$`) }).filter({ visible: true });
const modal = (text) => shown('.taro-modal__content', { hasText: text });
const modalButton = (text) => shown('.taro-modal__content .taro-model__btn', { hasText: text });

async function loginAs(roleLabel, name) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  await shownText(`以${roleLabel}身份登录`).click();
}

describe('employer pages in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    // The narrowest phone the pages are made for.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.base });
    town = (await h.getJson('/regions?parent=370406')).items[2];
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('an employer user without an employer is asked to register it first', STEP, async () => {
    await loginAs('企业', OWNER);
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shownText(`您好，${OWNER}`).waitFor();
    await shownText('第一步：登记您的企业').waitFor();
    assert.equal(await shown('.zg-btn', { hasText: '发布招工' }).count(), 0, 'no posting before the employer exists');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('employer-home-new');
    await shown('.eh-big', { hasText: /^登记企业$/ }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/register\/index/);
    await shown('.er-input-name').waitFor();
  });

  it('checks the 统一社会信用代码 as it is typed', STEP, async () => {
    const wrong = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE[17] === '0' ? '1' : '0');
    await input('er-input-code').fill(wrong);
    await field('er-creditCode').locator('.zg-field-error', { hasText: '最后一位不对' }).waitFor();
    await input('er-input-code').fill(CREDIT_CODE.slice(0, 10));
    assert.equal(await field('er-creditCode').locator('.zg-field-error').count(), 0, 'no error while still typing');
    await input('er-input-code').fill(CREDIT_CODE.toLowerCase());
    await field('er-creditCode').locator('.er-ok', { hasText: '代码填写正确' }).waitFor();
    assert.equal(await input('er-input-code').inputValue(), CREDIT_CODE, 'letters are made uppercase');
  });

  it('explains a credit code that is already registered and offers the 加入码 instead', STEP, async () => {
    await input('er-input-name').fill(EMPLOYER.name);
    await input('er-input-code').fill(TAKEN_CODE);
    await chip(field('er-industryCode'), '制造业').click();
    await chip(field('er-townCode'), town.name).click();
    await input('er-input-address').fill(EMPLOYER.address);
    await input('er-input-contact').fill(EMPLOYER.contact);
    await input('er-input-phone').fill('1390546');
    await shown('.er-submit').click();
    await field('er-contactPhone').locator('.zg-field-error', { hasText: '手机号应为11位数字' }).waitFor();
    await input('er-input-phone').fill(EMPLOYER.phone);

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/employers') && r.request().method() === 'POST');
    await shown('.er-submit').click();
    assert.equal((await answered).status(), 409);
    await field('er-creditCode').locator('.zg-field-error', { hasText: '该企业已登记，请向同事要加入码' }).waitFor();
    await shown('.er-join-on', { hasText: '输入加入码' }).waitFor();
    await shown('.er-to-join').waitFor();
    await h.shot('employer-register-taken');
  });

  it('registers the employer and shows it 待认证 on the employer home', STEP, async () => {
    await input('er-input-code').fill(CREDIT_CODE);
    await field('er-creditCode').locator('.er-ok').waitFor();
    assert.equal(await shown('.er-to-join').count(), 0, 'another code: the 加入码 advice is gone');
    assert.equal(await shown('.er-banner').count(), 0);
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('employer-register');

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/employers') && r.request().method() === 'POST');
    await shown('.er-submit').click();
    const res = await created;
    assert.equal(res.status(), 201, `POST /employers answered ${res.status()}: ${await res.text()}`);
    const sent = res.request().postDataJSON();
    assert.deepEqual(
      { ...sent },
      {
        name: EMPLOYER.name,
        creditCode: CREDIT_CODE,
        industryCode: 'C',
        townCode: town.code,
        address: EMPLOYER.address,
        contactName: EMPLOYER.contact,
        contactPhone: EMPLOYER.phone,
      },
    );

    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    const card = shown('.eh-employer', { hasText: EMPLOYER.name });
    await card.waitFor();
    await card.locator('.eh-verify', { hasText: '待认证' }).waitFor();
    await card.getByText('认证通过前可以先写好岗位，管理员审核时一起认证').waitFor();
    await shownText('还没有发布过岗位').waitFor();
    await h.shot('employer-home-pending');
  });

  it('makes a 加入码 for a colleague and copies it', STEP, async () => {
    await shown('.eh-invite-btn', { hasText: '生成加入码' }).click();
    const code = (await shown('.eh-code').innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4,8}$/, `a short code: ${code}`);
    await shown('.eh-code-box', { hasText: '前有效' }).waitFor();
    await shown('.eh-copy').click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, 'the code is on the clipboard');
    await h.shot('employer-invite');

    // The colleague logs in as 企业 and joins with the code instead of registering again.
    await loginAs('企业', COLLEAGUE);
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shown('.zg-btn', { hasText: /^输入加入码$/ }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/register\/index\?join=1/);
    await input('er-join-input').fill('ZZZZZZ');
    await shown('.er-join-btn').click();
    await shown('#er-join .zg-field-error').waitFor();
    await input('er-join-input').fill(code.toLowerCase());
    await shown('.er-join-btn').click();
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shown('.eh-employer', { hasText: EMPLOYER.name }).waitFor();
  });

  it('an admin verifies the employer in 企业认证', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await h.open('/packages/admin/pages/employers/index');
    const card = shown('.ev-card', { hasText: EMPLOYER.name });
    await card.waitFor();
    const verified = page.waitForResponse((r) => r.url().includes('/verify') && r.request().method() === 'POST');
    await card.locator('.ev-approve').click();
    await shown('.zg-sheet .cs-submit', { hasText: '确认通过认证' }).click();
    assert.equal((await verified).status(), 200);
    await card.waitFor({ state: 'detached' });
  });

  it('the employer writes a post: 限男性 brings a red hint, removing it clears it', STEP, async () => {
    await loginAs('企业', OWNER);
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shown('.eh-employer .eh-verify', { hasText: '已认证' }).waitFor();
    await h.shot('employer-home-verified');
    await shown('.eh-big', { hasText: '发布招工' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/post-form\/index/);
    await input('pf-input-title').waitFor();

    // The employer's own 镇街 and address are filled in already.
    await shown('#pf-townCode .zg-chip-on', { hasText: town.name }).waitFor();
    assert.equal(await input('pf-input-address').inputValue(), EMPLOYER.address);

    await input('pf-input-title').fill(POST.title);
    await shown('.zg-occ-input input').fill('千张');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/occupations?q='));
    await shown('.zg-occ-search').click();
    await answered;
    await shown('.zg-occ-item', { hasText: '豆皮加工工' }).first().click();

    // 零工 asks for the day(s) and a daily wage; back to 全职 the dates go.
    await shown('.pf-type', { hasText: '零工' }).click();
    await field('pf-wageMin').locator('.zg-label', { hasText: '日薪' }).waitFor();
    await shown('.pf-unit-fixed', { hasText: '元/天' }).waitFor();
    await chip(field('pf-startDate'), '明天').click();
    await shown('#pf-startDate .pf-date', { hasText: /\d+年\d+月\d+日/ }).waitFor();
    await h.shot('employer-post-form-gig');
    await shown('.pf-type', { hasText: '全职' }).click();
    assert.equal(await shown('#pf-startDate').count(), 0, 'no dates for 全职');

    // Obvious mistakes are caught before anything is sent.
    await input('pf-wage').first().fill('5500');
    await shown('.pf-wage-max input').fill('4500');
    await input('pf-headcount').fill('1000');
    await shown('.pf-submit').click();
    await field('pf-wageMin').locator('.zg-field-error', { hasText: '最低工资不能比最高工资多' }).waitFor();
    await field('pf-headcount').locator('.zg-field-error', { hasText: '一次最多招999人' }).waitFor();
    await field('pf-description').locator('.zg-field-error').waitFor();
    await input('pf-wage').first().fill('4500');
    await shown('.pf-wage-max input').fill('5500');
    await input('pf-headcount').fill('2');

    await shown('.pf-desc textarea').fill(POST.biased);
    const hint = shown('#pf-hints .ch-hard', { hasText: '这样写不能发布' });
    await hint.waitFor();
    await shown('.pf-pointer-hard', { hasText: '有1处不能这样写' }).waitFor();
    assert.match(await hint.innerText(), /限男性/, 'the hint quotes the words');
    assert.match(await hint.innerText(), /依据/, 'the hint cites the law');
    await chip(field('pf-benefits'), '包吃').click();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('employer-post-form-hint');
  });

  it('a post submitted with 限男性 is rejected with the reasons and stays on the form', STEP, async () => {
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/posts') && r.request().method() === 'POST');
    await shown('.pf-submit').click();
    const res = await created;
    assert.equal(res.status(), 201);
    const body = await res.json();
    assert.equal(body.status, 'rejected');
    postId = body.id;
    const outcome = shown('#pf-outcome');
    await outcome.getByText('这个岗位没有通过，改好后再提交').waitFor();
    await outcome.locator('.ch-hard', { hasText: '限男性' }).first().waitFor();
    // The reasons are at the top of the form, scrolled into view.
    await page.waitForFunction(() => {
      const box = document.querySelector('#pf-outcome')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
    });
    assert.match(page.url(), /post-form/, 'still on the form');
    await h.shot('employer-post-form-rejected');
  });

  it('with 限男性 removed the hint goes, and the post goes to review', STEP, async () => {
    await shown('.pf-desc textarea').fill(POST.clean);
    await shown('#pf-hints .pf-hints-ok', { hasText: '暂时没发现问题' }).waitFor();
    assert.equal(await shown('#pf-hints .ch-hard').count(), 0, 'no red hint any more');
    assert.equal(await shown('.pf-pointer').count(), 0);

    // The rejected post is changed, not posted a second time.
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${postId}`) && r.request().method() === 'PATCH');
    await shown('.pf-submit').click();
    const res = await patched;
    assert.equal(res.status(), 200, `PATCH answered ${res.status()}: ${await res.text()}`);
    assert.equal((await res.json()).status, 'pending_review');
    const sent = res.request().postDataJSON();
    assert.equal(sent.title, POST.title);
    assert.equal(sent.occupationCode, '6-01-04');
    assert.equal(sent.wageMin, 4500);
    assert.equal(sent.wageMax, 5500);
    assert.equal(sent.wageUnit, 'month');
    assert.equal(sent.type, 'full_time');
    assert.equal(sent.headcount, 2);
    assert.equal(sent.townCode, town.code);
    assert.deepEqual(sent.benefits, ['meals']);

    await modal('审核通过后大家就能看到').waitFor();
    await modalButton('知道了').click();
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    const card = shown('.mp-card', { hasText: POST.title });
    await card.locator('.mp-status', { hasText: '待审核' }).waitFor();
    await shown('.zg-chip', { hasText: /^待审核$/ }).click();
    await shown('.mp-card', { hasText: POST.title }).waitFor();
    await h.shot('employer-home-pending-post');
  });

  it('an admin approves the post in 岗位审核', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await h.open('/packages/admin/pages/review/index');
    const card = shown('.rv-card', { hasText: POST.title });
    await card.waitFor();
    const reviewed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${postId}/review`));
    await card.locator('.rv-approve').click();
    await shown('.zg-sheet .cs-submit', { hasText: '确认通过' }).click();
    const res = await reviewed;
    assert.equal(res.status(), 200, `review answered ${res.status()}: ${await res.text()}`);
    assert.equal((await res.json()).status, 'published');
  });

  it('a seeker finds the post by keyword on the job list', STEP, async () => {
    await loginAs('求职者', '赵大姐');
    await page.waitForURL(/#\/pages\/index\/index/);
    await shown('.search-input input').fill('千张');
    await shown('.search-btn').click();
    const card = shown('.post-card', { hasText: POST.title });
    await card.waitFor();
    const text = await card.innerText();
    assert.ok(text.includes(EMPLOYER.name) && text.includes('已认证'), 'the verified employer is shown');
    assert.match(text, /4500–5500/);
    await h.shot('seeker-finds-post');
  });

  it('the employer sees it 已发布 and closes it after a confirmation', STEP, async () => {
    await loginAs('企业', OWNER);
    await page.waitForURL(/#\/packages\/employer\/pages\/home\/index/);
    await shown('.zg-chip', { hasText: /^已发布$/ }).click();
    const card = shown('.mp-card', { hasText: POST.title });
    await card.locator('.mp-status', { hasText: '已发布' }).waitFor();
    await card.locator('.mp-state', { hasText: /发布，.+到期$/ }).waitFor();
    for (const action of ['编辑', '查看', '关闭']) await card.locator('.mp-btn', { hasText: new RegExp(`^${action}$`) }).waitFor();
    // Just published: no 刷新 yet (once a day), and no expiry reminder for 30 days.
    assert.equal(await card.locator('.mp-btn', { hasText: /^刷新$/ }).count(), 0);
    assert.equal(await card.locator('.mp-expiry').count(), 0);
    await h.fullShot('employer-home-posts');

    await card.locator('.mp-btn', { hasText: /^关闭$/ }).click();
    const closing = shown('.zg-sheet', { hasText: '关闭这个岗位？' });
    await closing.waitFor();
    await closing.locator('.cs-cancel', { hasText: '先不关' }).click();
    assert.equal((await h.getJson(`/posts/${postId}`)).status, 'published', 'nothing happens without the confirmation');

    const closed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/posts/${postId}/close`));
    await card.locator('.mp-btn', { hasText: /^关闭$/ }).click();
    await shown('.zg-sheet', { hasText: '关闭这个岗位？' }).locator('.cs-submit', { hasText: '关闭岗位' }).click();
    assert.equal((await closed).status(), 200);
    await shown('.zg-chip', { hasText: /^已关闭$/ }).click();
    await shown('.mp-card', { hasText: POST.title }).locator('.mp-status', { hasText: '已关闭' }).waitFor();
    const { items } = await h.getJson(`/posts?q=${encodeURIComponent('千张')}`);
    assert.ok(!items.some((p) => p.id === postId), 'a closed post is off the public list');
  });

  it('大字模式 keeps the employer home and the form inside the phone', STEP, async () => {
    await h.setLargeText(true);
    await shown('.zg-large .mp-card', { hasText: POST.title }).waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll on the home');
    await h.shot('employer-home-large');
    await shown('.eh-big', { hasText: '发布招工' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/post-form\/index/);
    await shown('.zg-large .pf-type').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll on the form');
    await h.fullShot('employer-post-form-large');
    await h.setLargeText(false);
    await h.open('/packages/employer/pages/home/index');
    await shown('.mp-card', { hasText: POST.title }).waitFor();
  });

  it('a post about to expire says so and is refreshed in one tap', STEP, async () => {
    // The API's clock is not ours to move: /posts/mine answers with the post as it will be 28 days
    // after publication, and the 刷新 call is answered as the API would.
    const { items } = await h.getAsUser('/posts/mine?status=closed');
    const old = new Date(Date.now() - 28 * 86_400_000).toISOString();
    const expiring = {
      ...items[0],
      status: 'published',
      expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      refreshedAt: old,
      publishedAt: old,
    };
    const refreshed = { ...expiring, refreshedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() };
    const listRoute = '**/api/v1/posts/mine*';
    const refreshRoute = `**/api/v1/posts/${postId}/refresh`;
    await page.route(listRoute, (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [expiring], nextCursor: null }) }),
    );
    await page.route(refreshRoute, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(refreshed) }));
    await page.reload();
    const card = shown('.mp-card', { hasText: POST.title });
    await card.locator('.mp-expiry', { hasText: '2天后过期' }).waitFor();
    await h.shot('employer-home-expiring');

    const called = page.waitForRequest((r) => r.url().endsWith(`/api/v1/posts/${postId}/refresh`) && r.method() === 'POST');
    await card.locator('.mp-expiry-btn', { hasText: '刷新' }).click();
    await called;
    await shownText('已刷新，又能展示30天').waitFor();
    await page.unroute(listRoute);
    await page.unroute(refreshRoute);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
