// Browser end-to-end test of 你是不是要找 and 有了告诉我 on the seeker's job list (issue 13), on the
// H5 build against the real API with the demo data.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/search-suggestions.e2e.test.mjs
//
// A visitor types 焊宫 and is asked 你是不是要找：焊工; one tap shows the welding posts. 保安 finds
// nothing: 有了告诉我 sends them to log in, and back on the list the search is saved. An admin publishes
// the waiting 石材厂门卫 post, and the seeker's 消息 says 您要找的「保安」有新岗位了. The saved search is
// listed and deleted. A 零工 card shows its day pay (每天 180–220 元), never 约合…元/月; under 离我最近 a
// post with a map pin says how far it is, one without says so. Screenshots go to dist/screenshots/
// (E2E_SHOTS_DIR to put them elsewhere).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, launchBrowser, pageHelpers, startApi } from './support.mjs';

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
/** @type {any} */
let gate; // the demo's 石材厂门卫, waiting for review
let adminToken = '';
let normalHead = 0; // the size of 你是不是要找 in normal text

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);

async function searchFor(word) {
  await shown('.search-input input').fill(word);
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/posts?') && r.url().includes(`q=${encodeURIComponent(word)}`));
  await shown('.search-btn').click();
  return answered;
}

describe('你是不是要找 and 有了告诉我 (seeker) in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    adminToken = (await h.call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } })).token;
    const queue = await h.call('GET', '/posts/review-queue?limit=50', { token: adminToken });
    gate = queue.items.find((p) => p.title === '石材厂门卫');
    assert.ok(gate, 'the demo data has 石材厂门卫 waiting for review');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('焊宫 finds nothing and asks 你是不是要找：焊工; the tap shows the welding posts', STEP, async () => {
    await page.goto(`${api.base}/`);
    await shown('.post-card').first().waitFor();
    const res = await searchFor('焊宫');
    assert.deepEqual((await res.json()).items, []);
    const box = shown('.suggest');
    await box.locator('.suggest-head', { hasText: '你是不是要找：' }).waitFor();
    normalHead = await h.fontSize(box.locator('.suggest-head'));
    await h.shot('search-suggest-typo');
    const chip = box.locator('.zg-chip', { hasText: /^焊工$/ });
    await chip.waitFor();
    const again = page.waitForResponse((r) => r.url().includes('/api/v1/posts?') && r.url().includes(`q=${encodeURIComponent('焊工')}`));
    await chip.click();
    await again;
    assert.equal(await shown('.search-input input').inputValue(), '焊工', 'the box now says what was searched');
    await shown('.post-card', { hasText: '电焊工（设备维修）' }).first().waitFor();
    const cards = await shown('.post-card').allInnerTexts();
    assert.ok(cards.length >= 2, `several welding posts: ${cards.length}`);
    for (const t of cards) assert.match(t, /焊/, `welding work only: ${t}`);
    assert.equal(await shown('.suggest').count(), 0, 'enough found: no more suggestions');
    assert.equal(await h.scrollsSideways(), false);
  });

  it('电焊 finds the 氩弧焊工 post too', STEP, async () => {
    await searchFor('电焊');
    await shown('.post-card', { hasText: '氩弧焊工' }).first().waitFor();
  });

  it('保安 finds nothing; 有了告诉我 asks a visitor to log in, then saves the search and says so', STEP, async () => {
    const res = await searchFor('保安');
    assert.deepEqual((await res.json()).items, []);
    const notify = shown('.notify');
    await notify.waitFor();
    assert.match(await notify.innerText(), /现在还没有「保安」的岗位/);
    assert.match(await notify.innerText(), /要先登录/);
    await h.fullShot('search-notify-visitor');
    await notify.locator('.notify-btn').click();
    await page.waitForURL(/#\/pages\/login\/index\?redirect=/);
    await h.pickRoleAndName('求职者', '孙保国');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/saved-searches') && r.request().method() === 'POST');
    await shownText('以求职者身份登录').click();
    assert.equal((await saved).status(), 201);
    await page.waitForURL(/#\/pages\/index\/index/);
    await shown('.notify-done', { hasText: '已保存' }).waitFor();
    assert.equal(await shown('.search-input input').inputValue(), '保安', 'the search is still there');
    await shown('.saved-open', { hasText: '我保存的搜索（1个）' }).waitFor();
    const mine = await h.getAsUser('/me/saved-searches');
    assert.deepEqual(
      mine.items.map((s) => s.q),
      ['保安'],
    );
    await h.fullShot('search-notify-saved');

    // Tapping again does not save it twice: the card already says it is saved.
    assert.equal(await shown('.notify-btn').count(), 0);
  });

  it('when the 门卫 post is published, 消息 says 您要找的「保安」有新岗位了', STEP, async () => {
    await h.call('POST', `/posts/${gate.id}/review`, { token: adminToken, body: { approve: true } });
    const inbox = await h.getAsUser('/notifications');
    const told = inbox.items.filter((n) => n.type === 'saved_search');
    assert.equal(told.length, 1, 'one message');
    await h.open('/pages/messages/index');
    await shown('.msg-item', { hasText: '您要找的「保安」有新岗位了' }).first().waitFor();
    await h.shot('search-notify-message');
  });

  it('the saved searches are listed in a sheet, run again with a tap, and deleted', STEP, async () => {
    await h.open('/pages/index/index');
    await shown('.post-card').first().waitFor();
    await shown('.saved-open').click();
    const sheet = shown('.zg-sheet');
    await sheet.locator('.saved-text', { hasText: '保安' }).waitFor();
    await h.shot('search-saved-sheet');
    await sheet.locator('.saved-text', { hasText: '保安' }).click();
    await shown('.post-card', { hasText: '石材厂门卫' }).first().waitFor();
    assert.equal(await shown('.search-input input').inputValue(), '保安');

    await shown('.saved-open').click();
    const deleted = page.waitForResponse((r) => r.url().includes('/api/v1/me/saved-searches/') && r.request().method() === 'DELETE');
    await shown('.zg-sheet .saved-delete').first().click();
    assert.equal((await deleted).status(), 204);
    await shown('.zg-sheet .saved-empty').waitFor();
    assert.deepEqual((await h.getAsUser('/me/saved-searches')).items, []);
    await shown('.zg-sheet-close').click();
    assert.equal(await shown('.saved-open').count(), 0, 'no saved searches: no link');
  });

  it('a 零工 card shows its day pay, never 约合…元/月', STEP, async () => {
    await searchFor('装卸');
    const gig = shown('.post-card', { hasText: '装卸工（零工）' }).first();
    await gig.waitFor();
    const text = await gig.innerText();
    assert.match(text, /每天 180–220 元/);
    assert.doesNotMatch(text, /约合/);
    // A full-time post paid by the hour still says what it comes to a month.
    await searchFor('氩弧焊');
    assert.match(await shown('.post-card', { hasText: '氩弧焊工' }).first().innerText(), /约合 \d+–\d+ 元\/月/);
  });

  it('under 离我最近 a card with a map pin says how far it is; one without says so', STEP, async () => {
    // A post with a map pin near the seeker.
    const boss = (await h.call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙经理', employerId: gate.employer.id } })).token;
    const pinned = await h.call('POST', '/posts', {
      token: boss,
      body: { title: '石材厂装车工', occupationCode: '4-01-11', description: '石材装车，白班，按月发工资。', skills: ['装卸'], wageMin: 4500, wageMax: 5500, wageUnit: 'month', type: 'full_time', headcount: 2, townCode: '370406104', lat: 35.1101, lng: 117.4588, benefits: [] },
    });
    await h.call('POST', `/posts/${pinned.id}/review`, { token: adminToken, body: { approve: true } });

    await page.context().grantPermissions(['geolocation'], { origin: api.base });
    await page.context().setGeolocation({ latitude: 35.0998, longitude: 117.4588 });
    await searchFor('装车');
    await shown('.sort-btn').click();
    const answered = page.waitForResponse((r) => r.url().includes('sort=distance') && r.url().includes('lat='));
    await shown('.zg-sheet .zg-sheet-option', { hasText: '离我最近' }).click();
    await answered;
    const near = shown('.post-card', { hasText: '石材厂装车工' }).first();
    await near.waitFor();
    assert.match(await near.locator('.post-card-distance').innerText(), /^离您约1\.\d公里$/);
    const unpinned = shown('.post-card', { hasText: '装卸工（零工）' }).first();
    await unpinned.waitFor();
    assert.match(await unpinned.locator('.post-card-distance').innerText(), /没标位置/);
    await h.fullShot('search-nearest-distance');
  });

  it('works in 大字模式', STEP, async () => {
    await h.setLargeText(true);
    await h.open('/pages/index/index');
    await searchFor('焊宫');
    await shown('.zg-page.zg-large .suggest .zg-chip', { hasText: /^焊工$/ }).waitFor();
    const bigHead = await h.fontSize(shown('.zg-page.zg-large .suggest-head'));
    assert.ok(bigHead >= normalHead * 1.2, `bigger words in 大字模式 (${normalHead} → ${bigHead})`);
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('search-suggest-large');
    await h.setLargeText(false);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
