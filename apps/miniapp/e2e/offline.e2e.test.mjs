// Browser end-to-end test of 弱网 (weak signal) and 第一次使用 on the H5 build against the real API.
//
// Needs: the H5 build (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium. Run from the repository
// root:  node --test apps/miniapp/e2e/offline.e2e.test.mjs
// (E2E_H5_DIR serves a copy of the H5 build from elsewhere; E2E_SHOTS_DIR puts the screenshots there.)
//
// A liaison's half-typed 登记居民 comes back after leaving the page; with the network off, 提交 keeps the
// registration on the phone (待发送 1 条, the form still filled in); when the network returns it is sent
// once, with the Idempotency-Key of its first try, and exactly one record exists; a second one queued and
// then sent by a reload is made once too. A new seeker sees the three-step tour once, and not again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, idNumberOf, launchBrowser, newBrowserPage, pageHelpers, startApi } from './support.mjs';

/* global localStorage -- used inside page.evaluate() callbacks, which run in the browser */

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
let town;
let village;

const FIRST = { name: '韩春梅', idNumber: idNumberOf('37040619710315386'), phone: '13905467788' };
const SECOND = { name: '李大山', idNumber: idNumberOf('37040619660802151'), phone: '13905461122' };
const FORM = '/packages/liaison/pages/resident-form/index';
const LIST = '/packages/liaison/pages/residents/index';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const input = (cls) => shown(`.${cls} input`);
const chip = (id, label) => shown(`#rf-${id} .zg-chip`, { hasText: new RegExp(`^(✓ )?${label}$`) });

async function loginAs(p, ph, roleLabel, name, picks = []) {
  await ph.goToLogin();
  await ph.pickRoleAndName(roleLabel, name);
  for (const label of picks) await ph.shown('.zg-chip', { hasText: new RegExp(`^${label}$`) }).click();
  await ph.shownText(`以${roleLabel}身份登录`).click();
}

/** The liaison's residents with this 身份证号, through the API (with the browser's own token). */
async function residentsWith(idNumber) {
  const res = await h.getAsUser(`/residents?q=${encodeURIComponent(idNumber)}&limit=50`);
  return res.items;
}

const outbox = () => page.evaluate(() => JSON.parse(localStorage.getItem('zg.outbox') ?? 'null')?.data ?? []);

/** Fills the rest of the form (education, availability) and goes to the consent step, then picks 口头同意. */
async function toConsent() {
  await chip('education', '初中').click();
  await chip('availability', '全职').click();
  await shown('.rf-submit', { hasText: '下一步' }).click();
  await shownText('最后一步：请本人同意').waitFor();
  await shown('.rf-method', { hasText: '口头同意' }).click();
}

describe('弱网 drafts and 待发送, and the first-use tour, in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    town = (await h.getJson('/regions?parent=370406')).items[0];
    village = (await h.getJson(`/regions?parent=${town.code}`)).items[0];
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('keeps a half-typed registration and brings it back when the form opens again', STEP, async () => {
    await loginAs(page, h, '联络员', '刘书记', [town.name, village.name]);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    await h.open(FORM);
    await shown('#rf-villageCode', { hasText: village.name }).waitFor();
    assert.equal(await shown('.rf-restored').count(), 0, 'nothing to restore the first time');
    await input('rf-input-name').fill(FIRST.name);
    await input('rf-input-id').fill(FIRST.idNumber);
    await input('rf-input-phone').fill(FIRST.phone);

    await h.open(LIST);
    await shown('.res-add').waitFor();
    await h.open(FORM);
    await shown('.rf-restored', { hasText: '已恢复上次没填完的内容' }).waitFor();
    assert.equal(await input('rf-input-name').inputValue(), FIRST.name);
    assert.equal(await input('rf-input-id').inputValue(), FIRST.idNumber);
    assert.equal(await input('rf-input-phone').inputValue(), FIRST.phone);
    await h.shot('offline-draft-restored');
  });

  it('清空 empties the form and forgets the draft', STEP, async () => {
    await shown('.rf-restored-clear', { hasText: '清空' }).click();
    assert.equal(await input('rf-input-name').inputValue(), '');
    await shown('.rf-restored').waitFor({ state: 'detached' });
    await h.open(FORM);
    await shown('#rf-villageCode', { hasText: village.name }).waitFor();
    assert.equal(await shown('.rf-restored').count(), 0, 'no draft after 清空');
  });

  it('with no network, 提交 keeps the registration on the phone: 待发送 1 条, the form still filled in', STEP, async () => {
    await input('rf-input-name').fill(FIRST.name);
    await input('rf-input-id').fill(FIRST.idNumber);
    // The duplicate check answers before going offline.
    await shown('#rf-idNumber .rf-derived-ok').waitFor();
    await input('rf-input-phone').fill(FIRST.phone);
    await toConsent();

    await page.context().setOffline(true);
    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    await shown('.zg-outbox-count', { hasText: '待发送 1 条' }).waitFor();
    await shown('.rf-queued', { hasText: '没有网络' }).waitFor();
    await shown('.rf-submit', { hasText: '已存入待发送' }).waitFor();
    const consent = await shown('.rf-consent').innerText();
    assert.ok(consent.includes(FIRST.name), 'the form still shows what was typed');
    const queued = await outbox();
    assert.equal(queued.length, 1);
    assert.equal(queued[0].path, '/residents');
    assert.equal(queued[0].body.idNumber, FIRST.idNumber);
    await h.shot('offline-queued');

    // Tapping the bar shows what waits, with 现在发送.
    await shown('.zg-outbox-bar').click();
    await shown('.zg-outbox-label', { hasText: `登记居民：${FIRST.name}` }).waitFor();
    await shown('.zg-sheet-foot .zg-btn', { hasText: '现在发送' }).waitFor();
    await h.shot('offline-queue-sheet');
    // Still no network: 现在发送 keeps it.
    await shown('.zg-sheet-foot .zg-btn', { hasText: '现在发送' }).click();
    await shown('.zg-sheet-foot .zg-btn', { hasText: '现在发送' }).waitFor();
    assert.equal((await outbox()).length, 1, 'kept while there is no network');
    await shown('.zg-sheet-close').click();

    // The draft is still on the phone too.
    const draft = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zg.draft.resident.')));
    assert.equal(draft.length, 1, 'the draft is kept until the registration is sent');
  });

  it('when the network returns, the registration is sent once with the key of its first try', STEP, async () => {
    const key = (await outbox())[0].id;
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/residents') && r.request().method() === 'POST');
    await page.context().setOffline(false);
    const res = await posted;
    assert.equal(res.status(), 201, `POST /residents answered ${res.status()}`);
    assert.equal(res.request().headers()['idempotency-key'], key, 'the same Idempotency-Key');
    await shown('.zg-outbox-bar').waitFor({ state: 'detached' });
    assert.deepEqual(await outbox(), []);

    const found = await residentsWith(FIRST.idNumber);
    assert.equal(found.length, 1, 'exactly one record');
    // The same write again (a second phone of the same account, a retry): still one record.
    const token = await h.browserToken();
    const again = await fetch(`${h.apiBase}/residents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
      body: JSON.stringify(res.request().postDataJSON()),
    });
    assert.ok(again.status < 300, `replay answered ${again.status}`);
    assert.equal((await again.json()).id, found[0].id, 'the replay answers the first record');
    assert.equal((await residentsWith(FIRST.idNumber)).length, 1, 'still exactly one record');

    // Sent: the draft is gone, the form opens empty.
    await h.open(FORM);
    await shown('#rf-villageCode', { hasText: village.name }).waitFor();
    assert.equal(await shown('.rf-restored').count(), 0, 'no draft after the registration went out');
  });

  it('a registration queued offline is sent by the next start of the app, once', STEP, async () => {
    // The list page first, then the form on top (in the H5 build a page's code loads the first time it opens,
    // which needs the network; a WeChat mini-program has every page on the phone).
    await h.open(LIST);
    await shown('.res-add').click();
    await shown('#rf-villageCode', { hasText: village.name }).waitFor();
    await input('rf-input-name').fill(SECOND.name);
    await input('rf-input-id').fill(SECOND.idNumber);
    await shown('#rf-idNumber .rf-derived-ok').waitFor();
    await input('rf-input-phone').fill(SECOND.phone);
    await toConsent();
    await page.context().setOffline(true);
    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    await shown('.zg-outbox-count', { hasText: '待发送 1 条' }).waitFor();

    // Back on the list page, it shows there too.
    await page.goBack();
    await shown('.res-add').waitFor();
    await shown('.zg-outbox-count', { hasText: '待发送 1 条' }).waitFor();
    await h.shot('offline-list-waiting');

    await page.context().setOffline(false);
    await page.reload();
    await shown('.res-add').waitFor();
    await page.waitForFunction(() => (JSON.parse(localStorage.getItem('zg.outbox') ?? 'null')?.data ?? []).length === 0);
    await shown('.zg-outbox-bar').waitFor({ state: 'detached' });
    assert.equal((await residentsWith(SECOND.idNumber)).length, 1, 'exactly one record');
    await shown('.res-row, .zg-page', { hasText: SECOND.name }).first().waitFor();
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(
      failedApiCalls.filter((c) => !c.includes('ERR_INTERNET_DISCONNECTED')),
      [],
      'API calls that failed (other than while offline) or answered 5xx',
    );
  });

  it('shows a new seeker the three-step tour once, and not again', STEP, async () => {
    const fresh = await newBrowserPage(browser, { tour: true });
    try {
      const p = fresh.page;
      const ph = pageHelpers(p, api.base);
      await loginAs(p, ph, '求职者', '赵秀兰');
      await p.waitForURL(/#\/pages\/index\/index/);
      const tour = ph.shown('.zg-tour');
      await tour.waitFor();
      assert.match(await tour.innerText(), /第 1 步，共 3 步/);
      assert.ok((await ph.fontSize(ph.shown('.zg-tour-text'))) >= 20, 'big text');
      await ph.shot('offline-tour-1');
      await ph.shown('.zg-tour-btn', { hasText: '下一步' }).click();
      await ph.shown('.zg-tour-step', { hasText: '第 2 步' }).waitFor();
      await ph.shown('.zg-tour-btn', { hasText: '下一步' }).click();
      await ph.shown('.zg-tour-step', { hasText: '第 3 步' }).waitFor();
      await ph.shot('offline-tour-3');
      await ph.shown('.zg-tour-btn', { hasText: '知道了' }).click();
      await ph.shown('.zg-tour').waitFor({ state: 'detached' });

      await ph.open('/pages/index/index');
      await p.waitForTimeout(1500);
      assert.equal(await ph.shown('.zg-tour').count(), 0, 'not shown again');
      assert.deepEqual(fresh.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await fresh.page.context().close();
    }
  });
});
