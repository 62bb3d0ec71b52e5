// Browser end-to-end test of matching (为你推荐, 推荐人选, 为村民找工作) on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/matching.e2e.test.mjs
//
// A seeker without a record is invited to fill one in; a seeker whose record a liaison made (the demo
// 电焊 worker 张建国, linked by his 身份证号) sees 为你推荐 with the reasons, switches personalised
// recommendations off on 我的 and then sees 附近的新岗位; an employer opens 推荐人选 on its published
// post and sees masked names only; a 村居 liaison opens 为TA找工作 for a demo resident and, on a post,
// 看看本村谁合适. Screenshots go to dist/screenshots/matching-*.png.
/* global document -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_WELDER, STEP, launchBrowser, pageHelpers, startApi } from './support.mjs';

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
/** The demo employer whose 电焊工 post fits him. */
const WELDING_POST = '电焊工（设备维修）';
/** The demo resident the liaison looks after (北庄镇, 搬运 and 石材), and a post that fits him. */
const LABOURER = { name: '刘大海', villageCode: '370406104201' };
const LOADING_POST = '装卸工（零工）';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);

const call = (method, path, options) => h.call(method, path, options);

async function loginAs(roleLabel, name, picks = []) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  for (const label of picks) await shown('.zg-chip', { hasText: new RegExp(`^${label}$`) }).click();
  await shownText(`以${roleLabel}身份登录`).click();
}

const useSession = (session) => h.useSession(session);

/** Now as ISO 8601 with an offset, as the consent time is sent. */
function nowWithOffset() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

describe('matching in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('a seeker without a record is invited to fill one in, not shown recommendations', STEP, async () => {
    await loginAs('求职者', '李新');
    await page.waitForURL(/#\/pages\/index\/index/);
    const invite = shown('.rec-invite');
    await invite.waitFor();
    assert.match(await invite.innerText(), /填写求职信息，我们帮您找合适的工作/);
    assert.equal(await shown('.rec').count(), 0, 'no 为你推荐 without a record');
    await shown('.post-card').first().waitFor(); // the ordinary list is still there below
    await h.shot('matching-seeker-invite');
    await invite.locator('.zg-btn', { hasText: '去填写求职信息' }).click();
    await page.waitForURL(/#\/pages\/profile\/index/);
    await shownText('您还没有求职档案').waitFor();
  });

  it('a seeker whose record a liaison made sees 为你推荐 with the reasons under each post', STEP, async () => {
    await loginAs('求职者', WELDER.name);
    await page.waitForURL(/#\/pages\/index\/index/);
    // The 身份证号 links this account to the record the village made (as 我的档案 does).
    const { villageCode, ...rest } = WELDER;
    await call('PUT', '/me/profile', {
      token: await h.browserToken(),
      body: { ...rest, villageCode, consent: { method: 'self', at: nowWithOffset() } },
    });
    const me = await h.getAsUser('/me/profile');
    assert.equal(me.name, WELDER.name);

    await h.open('/pages/index/index');
    const rec = shown('.rec');
    await rec.waitFor();
    await rec.locator('.rec-title', { hasText: /^为你推荐$/ }).waitFor();
    const cards = rec.locator('.post-card');
    await cards.first().waitFor();
    assert.ok((await cards.count()) <= 3, 'three at most before 看全部推荐');
    const first = await cards.first().innerText();
    assert.ok(first.includes(WELDING_POST), `the welding post comes first: ${first}`);
    const reasons = await cards.first().locator('.mr-line').allInnerTexts();
    assert.ok(reasons.length > 0, 'the first recommendation says why');
    assert.ok(reasons.some((r) => /焊/.test(r)), `a reason names the trade: ${reasons.join(' | ')}`);
    for (const card of await cards.all()) assert.ok((await card.locator('.mr-line').count()) > 0, 'every recommendation has a reason');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('matching-seeker-home');

    const all = await h.getAsUser(`/matching/residents/${me.id}/posts?limit=5`);
    if (all.items.length > 3) {
      const more = page.waitForResponse((r) => r.url().includes('/matching/residents/') && r.url().includes('limit=20'));
      await rec.locator('.zg-btn', { hasText: '看全部推荐' }).click();
      await more;
      await page.waitForFunction(() => document.querySelectorAll('.rec .post-card').length > 3);
      const collapse = rec.locator('.zg-btn', { hasText: '收起推荐' });
      await collapse.waitFor();
      // The end of the longer list (a whole-page shot would run through every post below it too).
      await collapse.scrollIntoViewIfNeeded();
      await h.shot('matching-seeker-all');
      await rec.locator('.zg-btn', { hasText: '收起推荐' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.rec .post-card').length <= 3);
    }

    // A search shows what was asked for first: the block steps aside.
    await shown('.search-input input').fill('司机');
    await shown('.search-btn').click();
    await shown('.post-card', { hasText: '司机' }).first().waitFor();
    assert.equal(await shown('.rec').count(), 0, 'no 为你推荐 above search results');
    await shownText('✕ 清除筛选').click();
    await shown('.rec').waitFor();
  });

  it('the recommendations read well in 大字模式', STEP, async () => {
    await h.setLargeText(true);
    await shown('.zg-large .rec .post-card').first().waitFor();
    await h.shot('matching-seeker-large');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.setLargeText(false);
  });

  it('switches personalised recommendations off on 我的, then sees 附近的新岗位', STEP, async () => {
    await shown('.weui-tabbar__item', { hasText: '我的' }).click();
    const row = shown('.me-pref-row');
    await row.waitFor();
    assert.match(await row.innerText(), /个性化推荐/);
    assert.match(await row.innerText(), /根据您的求职信息推荐岗位；关闭后只按距离和时间显示/);
    await row.locator('.me-toggle-state', { hasText: '已打开' }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT');
    await row.click();
    const res = await saved;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { personalizedRecommendations: false });
    await row.locator('.me-toggle-state', { hasText: '已关闭' }).waitFor();
    assert.equal((await h.getAsUser('/me/preferences')).personalizedRecommendations, false);
    await h.shot('matching-me-switch');

    await shown('.weui-tabbar__item', { hasText: '找工作' }).click();
    await page.waitForURL(/#\/pages\/index\/index/);
    const rec = shown('.rec');
    await rec.locator('.rec-title', { hasText: /^附近的新岗位$/ }).waitFor();
    await rec.getByText('您已关闭个性化推荐，可在「我的」里打开').waitFor();
    await rec.locator('.post-card').first().waitFor();
    await h.shot('matching-seeker-nearby');

    // And on again: 为你推荐 comes back.
    await shown('.weui-tabbar__item', { hasText: '我的' }).click();
    await shown('.me-pref-row').click();
    await shown('.me-pref-row .me-toggle-state', { hasText: '已打开' }).waitFor();
    await shown('.weui-tabbar__item', { hasText: '找工作' }).click();
    await shown('.rec .rec-title', { hasText: /^为你推荐$/ }).waitFor();
  });

  it('an employer opens 推荐人选 on its published post and sees masked names', STEP, async () => {
    const { items } = await h.getJson(`/posts?q=${encodeURIComponent('电焊')}&limit=50`);
    const post = items.find((p) => p.title === WELDING_POST);
    assert.ok(post, `the demo data has ${WELDING_POST}`);
    const session = await call('POST', '/auth/dev-login', {
      body: { role: 'employer', name: '王经理', employerId: post.employer.id },
    });
    await useSession(session);
    await h.open('/packages/employer/pages/home/index');
    await shown('.zg-chip', { hasText: /^已发布/ }).first().click();
    const card = shown('.mp-card', { hasText: WELDING_POST });
    await card.waitFor();
    await h.shot('matching-employer-post');
    await card.locator('.mp-match', { hasText: '推荐人选' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/candidates\/index\?postId=/);

    await shown('.cd-title', { hasText: WELDING_POST }).waitFor();
    const people = shown('.cc-card');
    await people.first().waitFor();
    const names = await shown('.cc-name').allInnerTexts();
    for (const n of names) assert.match(n, /^.\*+$/, `the name is masked: ${n}`);
    assert.ok(names.includes('张**'), `the welder is among the candidates: ${names.join(', ')}`);
    const text = await shown('.zg-page', { has: page.locator('.cc-card') }).innerText();
    assert.ok(!text.includes(WELDER.name), 'no full name');
    assert.ok(!text.includes(WELDER.phone) && !text.includes(WELDER.phone.slice(-4)), 'no phone');
    assert.ok(text.includes('对方报名或接受您的邀请后，才能看到联系方式'), 'says when contact details come');
    const welder = people.filter({ hasText: '张**' }).first();
    const welderText = await welder.innerText();
    assert.match(welderText, /匹配度 \d+%/);
    assert.ok(welderText.includes('电焊'), 'shows the skills');
    assert.ok(!welderText.includes('返乡农民工') && !welderText.includes('优先推荐'), 'never the key group or its reason (sensitive; staff only)');
    assert.ok((await welder.locator('.mr-line').count()) > 0, 'with the reasons');
    const invite = welder.locator('.cd-invite');
    assert.match(await invite.innerText(), /^邀请报名$/);
    assert.equal(await invite.evaluate((el) => el.classList.contains('zg-btn-disabled')), false, 'the invite button works');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('matching-candidates');
  });

  it('a 村居 liaison opens 为TA找工作 on a resident of their village', STEP, async () => {
    const towns = (await h.getJson('/regions?parent=370406')).items;
    const town = towns.find((t) => LABOURER.villageCode.startsWith(t.code));
    const village = (await h.getJson(`/regions?parent=${town.code}`)).items.find((v) => v.code === LABOURER.villageCode);
    await loginAs('联络员', '刘书记', [town.name, village.name]);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);

    const { items } = await h.getAsUser(`/residents?q=${encodeURIComponent(LABOURER.name)}`);
    const resident = items.find((r) => r.name === LABOURER.name);
    assert.ok(resident, `${LABOURER.name} is in the liaison's village`);
    await h.open(`/packages/liaison/pages/resident/index?id=${resident.id}`);
    await shown('.rv-title', { hasText: LABOURER.name }).waitFor();
    await h.shot('matching-liaison-resident');
    await shown('.rd-match-btn', { hasText: '为TA找工作' }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/matches\/index\?residentId=/);

    await shown('.rm-name', { hasText: `为${LABOURER.name}找工作` }).waitFor();
    const head = await shown('.rm-head').innerText();
    assert.ok(head.includes('搬运'), `what he can do: ${head}`);
    assert.ok(head.includes('180 元/天 起'), `what he asks: ${head}`);
    const cards = shown('.post-card');
    await cards.first().waitFor();
    const titles = await shown('.post-card-title').allInnerTexts();
    assert.ok(titles.includes(LOADING_POST), `the 装卸 gig in his 镇 is found: ${titles.join(', ')}`);
    assert.ok((await cards.first().locator('.mr-line').count()) > 0, 'with the reasons');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('matching-liaison-matches');
  });

  it('on a post, the liaison sees who of their village fits it, each leading to the record', STEP, async () => {
    const { items } = await h.getJson(`/posts?q=${encodeURIComponent('装卸')}&limit=50`);
    const post = items.find((p) => p.title === LOADING_POST);
    assert.ok(post);
    await h.open(`/pages/post/index?id=${post.id}`);
    await shown('.post-title', { hasText: LOADING_POST }).waitFor();
    await shown('.post-fitters .zg-btn', { hasText: '看看本村谁合适' }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/fitters\/index\?postId=/);
    await shown('.ft-title', { hasText: LOADING_POST }).waitFor();
    const person = shown('.cc-card', { hasText: LABOURER.name });
    await person.waitFor();
    const names = await shown('.cc-name').allInnerTexts();
    for (const n of names) assert.doesNotMatch(n, /\*/, `a liaison sees full names: ${n}`);
    await h.fullShot('matching-liaison-fitters');
    await person.click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title', { hasText: LABOURER.name }).waitFor();
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
