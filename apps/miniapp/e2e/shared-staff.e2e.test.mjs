// Browser end-to-end test of 共享员工 (staff lent between firms) on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/shared-staff.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots/shared-staff puts the screenshots there; E2E_H5_DIR serves a copy of the H5 build from
// elsewhere, for when another build may replace dist/ while this runs.)
//
// Two verified firms of 桑村镇: a stone works posts 我有富余工人 (包装工, 3 people) from the employer home; a tofu
// workshop posts 我缺人手 (包装工, 2 people, 150 元/天) and sees the stone works as a match with its reasons
// (工种相同, 时间重叠30天, 在同一个镇街). It starts the agreement from the match (the form prefilled: the two firms, the
// days, the work, the pay; 工伤 with the lender, not editable) and signs; the stone works finds the agreement in its
// list and signs. The lender puts a worker with an account on it through the API (a firm cannot look people up);
// the liaison of another 村 opens the agreement by its link (it shows nothing yet: none of their villagers is on
// it), finds a villager and records her spoken consent, which puts her on it. The worker opens her page (as the
// notification's link does), reads where, when, who pays and 工伤 (also in 大字模式), and taps 我同意: the agreement
// is 进行中 for everyone. The borrower extends it in the UI and looks at the printable summary (打印 calls
// window.print); the admin's 共享员工统计 counts it (not 新增就业); the lender ends it early with a reason.
/* global document, window -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, creditCodeOf, idNumberOf, launchBrowser, pageHelpers, startApi } from './support.mjs';

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

const SANGCUN = '370406103';
const LENDER = '山亭区桑村石材加工厂';
const BORROWER = '山亭区桑村豆制品作坊';
const WORKER = '孙桂兰';
const VILLAGER = '赵大娘';

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
const sheet = (title) => shown('.zg-sheet', { hasText: title });

/** The China date, `days` from today. */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
/** "2027年1月10日", as the pages write a date. */
const words = (ymd) => `${Number(ymd.slice(0, 4))}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
/** Today as the phone shows a time it was given (its own clock and time zone; near midnight China's date may differ). */
const phoneToday = () => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
});
const TODAY = chinaDate();
const LAST = chinaDate(29);

let admin;
let lender;
let borrower;
let seeker;
let liaison;
let workerResidentId = '';
let villagerId = '';
let agreementId = '';
const waiting = () => shown('.saf-waiting-line').allTextContents();

/** Before a whole-page shot: the toast gone, the page scrolled back to its top. */
async function settle() {
  await page.waitForTimeout(1600);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of document.querySelectorAll('body *')) if (el.scrollTop > 0) el.scrollTop = 0;
  });
}

async function firm(session, name, org, phone) {
  const f = await call('POST', '/employers', {
    token: session.token,
    body: { name, creditCode: creditCodeOf(org), industryCode: 'C', townCode: SANGCUN, address: '桑村镇工业园', contactName: session.user.name, contactPhone: phone },
  });
  await call('POST', `/employers/${f.id}/verify`, { token: admin.token, body: { approve: true } });
  return f;
}

/** 我有富余工人 / 我缺人手 on the firm's 共享员工 page: 包装工, `headcount` people, the default 30 days from today. */
async function post(kind, headcount, wage) {
  await shown(kind === 'offer' ? '.ss-new-offer' : '.ss-new-request').click();
  const form = shown('.ss-form');
  await form.waitFor();
  await form.locator('.zg-occ-input input').fill('包装');
  const item = form.locator('.zg-occ-item').filter({ has: page.locator('.zg-occ-name', { hasText: /^包装工$/ }) });
  // On a busy machine the tap may come before the typed word reached the page: search again until it shows.
  for (let i = 0; i < 3 && !(await item.isVisible()); i++) {
    await form.locator('.zg-occ-search').click();
    await item.waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  await item.click();
  await form.locator('.ss-headcount input').fill(String(headcount));
  // The dates start filled in (today and 29 days on); the firm's own 镇街 is chosen.
  assert.equal((await form.locator('#ss-from-date').textContent())?.trim(), words(TODAY));
  assert.equal((await form.locator('#ss-to-date').textContent())?.trim(), words(LAST));
  await form.locator('#ss-townCode .zg-chip-on', { hasText: '桑村镇' }).waitFor();
  if (wage) {
    await form.locator('#ss-wage .zg-chip', { hasText: '按天' }).click();
    await form.locator('.ss-wage input').fill(String(wage));
  }
  const sent = page.waitForResponse((r) => r.url().endsWith(`/api/v1/shared-staff/${kind}s`) && r.request().method() === 'POST');
  await form.locator('.ss-submit').click();
  assert.equal((await sent).status(), 201);
  await shown('.ss-form').waitFor({ state: 'detached' });
}

describe('共享员工 in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    await page.setViewportSize({ width: 375, height: 812 }); // the narrowest phone the pages are made for
    const [village, otherVillage] = (await h.getJson(`/regions?parent=${SANGCUN}`)).items;

    admin = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    lender = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '石厂长' } });
    borrower = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '豆老板' } });
    await firm(lender, LENDER, 'MA7G5H01', '13905463301');
    await firm(borrower, BORROWER, 'MA7G5H02', '13905463302');

    seeker = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: WORKER } });
    workerResidentId = (await call('POST', '/me/profile/quick', { token: seeker.token, body: { name: WORKER, phone: '13905463311', villageCode: village.code } })).id;
    liaison = await call('POST', '/auth/dev-login', { body: { role: 'liaison', name: '钱书记', regionCode: otherVillage.code } });
    villagerId = (
      await call('POST', '/residents', {
        token: liaison.token,
        body: {
          name: VILLAGER,
          idNumber: idNumberOf('37040619700312402'),
          phone: '13705463312',
          villageCode: otherVillage.code,
          skills: ['包装'],
          desiredOccupations: ['6-10-02'],
          availability: ['full_time'],
          consent: { method: 'signature', at: new Date().toISOString() },
        },
      })
    ).id;
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the lender reaches 共享员工 from the employer home and posts its idle workers', STEP, async () => {
    await h.useSession(lender);
    await h.open('/packages/employer/pages/home/index');
    await shown('.eh-action-shared', { hasText: '共享员工' }).click();
    await page.waitForURL(/#\/packages\/employer\/pages\/shared-staff\/index/);
    await shown('.ss-intro', { hasText: '工伤由出借方负责' }).waitFor();
    await post('offer', 3);
    const card = shown('#ss-offers .ss-post');
    await card.filter({ hasText: '包装工 3人' }).waitFor();
    await card.locator('.ss-matches-head', { hasText: '还没有缺人的企业合适' }).waitFor();
  });

  it('the borrower posts hands wanted and sees the offer as a match with its reasons', STEP, async () => {
    await h.useSession(borrower);
    await h.open('/packages/employer/pages/shared-staff/index');
    await post('request', 2, 150);
    const card = shown('#ss-requests .ss-post', { hasText: '包装工 2人' });
    await card.locator('.ss-matches-head', { hasText: '合适的企业（1家）' }).waitFor();
    const match = card.locator('.ss-match', { hasText: LENDER });
    await match.waitFor();
    assert.match(await match.textContent(), /能借出3人/);
    assert.deepEqual(await match.locator('.mr-text').allTextContents(), ['工种相同', '时间重叠30天', '在同一个镇街']);
    assert.equal(await h.scrollsSideways(), false);
    await settle();
    await h.fullShot('shared-staff-matches');

    // 发起协议: the form comes filled in from the match; 工伤 is stated, not a field.
    await match.locator('.ss-agree').click();
    const s = sheet('发起共享用工协议');
    await s.waitFor();
    assert.deepEqual(await s.locator('.ss-party-name').allTextContents(), [LENDER, BORROWER]);
    assert.equal((await s.locator('#ss-agree-from').textContent())?.trim(), words(TODAY));
    assert.equal((await s.locator('#ss-agree-to').textContent())?.trim(), words(LAST));
    assert.equal(await s.locator('.ss-work textarea').inputValue(), '包装工，2人');
    assert.equal(await s.locator('.ss-pay textarea').inputValue(), '借入方按每天 150 元结算，经出借方发给工人');
    await s.locator('.ss-fixed-line', { hasText: `工伤由出借方（${LENDER}）负责` }).waitFor();
    await s.locator('.ss-work textarea').fill('豆腐皮装箱、封口，2人');
    await h.shot('shared-staff-agreement-form');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/shared-staff/agreements') && r.request().method() === 'POST');
    await s.locator('.ss-create').click();
    const body = await (await created).json();
    assert.equal(body.injuryCover, 'lender');
    agreementId = body.id;
    await page.waitForURL(new RegExp(`#/packages/employer/pages/shared-agreement/index\\?id=${agreementId}`));
  });

  it('the agreement page says what it waits for; the borrower signs for its side', STEP, async () => {
    await shown('.sa-title', { hasText: '共享用工协议' }).waitFor();
    await shown('.sa-head .zg-tag', { hasText: '待签署' }).waitFor();
    await shown('.sa-me', { hasText: '本企业是借入方' }).waitFor();
    assert.deepEqual(await waiting(), ['· 出借方未签署', '· 借入方未签署', '· 还没有借出的工人']);
    await shown('.saf-value', { hasText: '豆腐皮装箱、封口，2人' }).waitFor();
    await shown('.saf-value', { hasText: `由出借方${LENDER}负责` }).waitFor();
    await shown('.sa-consent-how-head', { hasText: '请工人本人在小程序确认，或请村里联络员登记同意' }).waitFor();
    await shown('.sa-consent-how .zg-qr-img').waitFor();
    assert.ok((await shown('.sa-term').count()) >= 4, 'the terms in words');
    await shown('.sa-sign', { hasText: '签署（借入方）' }).click();
    const s = sheet(`以“${BORROWER}”的名义签署？`);
    await s.locator('.cs-submit').click();
    await s.waitFor({ state: 'detached' });
    await shown('.saf-party', { hasText: BORROWER }).locator('.saf-signed-ok').waitFor();
    assert.deepEqual(await waiting(), ['· 出借方未签署', '· 还没有借出的工人']);
    assert.equal(await shown('.sa-sign').count(), 0, 'no second signature');
    await settle();
    await h.fullShot('shared-staff-agreement-draft');
  });

  it('the lender finds the agreement in its list and signs', STEP, async () => {
    await h.useSession(lender);
    await h.open('/packages/employer/pages/shared-staff/index');
    const row = shown('.ss-agreement', { hasText: `借给${BORROWER}` });
    await row.locator('.ss-agreement-wait', { hasText: '还差：出借方未签署、还没有借出的工人' }).waitFor();
    await row.click();
    await page.waitForURL(new RegExp(`shared-agreement/index\\?id=${agreementId}`));
    await shown('.sa-sign', { hasText: '签署（出借方）' }).click();
    await sheet(`以“${LENDER}”的名义签署？`).locator('.cs-submit').click();
    await shown('.saf-party', { hasText: LENDER }).locator('.saf-signed-ok').waitFor();
    assert.deepEqual(await waiting(), ['· 还没有借出的工人']);
    // The lender puts its worker on by her name and phone (a firm cannot look people up in the ledger).
    await shown('.sa-add-worker').click();
    const add = sheet('添加借出的工人');
    await add.locator('.sa-add-name input').fill(WORKER);
    await add.locator('.sa-add-phone input').fill('13905463311');
    await add.locator('.sa-add-ok').click();
    await add.waitFor({ state: 'detached' });
    assert.deepEqual(await waiting(), [`· ${WORKER}未同意`]);
  });

  it('a liaison opens the agreement by its link, finds a villager and records her spoken consent', STEP, async () => {
    await h.useSession(liaison);
    await h.open('/packages/liaison/pages/home/index');
    await shown('.lh-shared-btn').click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/shared-consent\/index$/);
    await shown('.sc-open').waitFor();
    // The link the firm's QR carries opens the agreement; none of this liaison's villagers is on it yet.
    await shown('.sc-link input').fill(`${api.base}/#/packages/liaison/pages/shared-consent/index?id=${agreementId}`);
    await shown('.sc-open .sc-find').click();
    await page.waitForURL(new RegExp(`shared-consent/index\\?id=${agreementId}`));
    await shown('.sc-unseen', { hasText: '还看不到协议内容' }).waitFor();
    await shown('.sc-q input').fill(VILLAGER);
    await shown('.sc-add .sc-find').click();
    await shown('.sc-person', { hasText: VILLAGER }).click();
    const s = sheet(`登记${VILLAGER}同意`);
    await s.locator('.cs-submit').click();
    await s.locator('.cs-error', { hasText: '请选' }).waitFor(); // how she said yes, first
    await s.locator('.zg-chip', { hasText: '口头同意' }).click();
    await s.locator('.cs-submit').click();
    await s.waitFor({ state: 'detached' });
    // Now on it, she makes the agreement readable for her liaison.
    await shown('.sc-title', { hasText: '共享用工协议' }).waitFor();
    await shown('.sc .zg-tag', { hasText: '等工人同意' }).waitFor(); // both firms signed
    await shown('.saf-worker', { hasText: VILLAGER }).locator('.saf-consent-ok', { hasText: `✓ ${await phoneToday()}已同意：口头同意（联络员记录）` }).waitFor();
    await shown('.saf-worker', { hasText: WORKER }).locator('.saf-consent-wait', { hasText: '还没同意' }).waitFor();
    assert.deepEqual(await waiting(), [`· ${WORKER}未同意`]);
    assert.equal(await shown('.sc-record').count(), 0, `${WORKER} lives in another 村: hers is not this liaison's to record`);
    await settle();
    await h.fullShot('shared-staff-liaison');
    const a = await call('GET', `/shared-staff/agreements/${agreementId}`, { token: lender.token });
    assert.deepEqual(
      a.workers.map((w) => [w.residentId, w.consentMethod]),
      [
        [workerResidentId, null],
        [villagerId, 'verbal'],
      ],
    );
  });

  it('the worker reads where, when, who pays and 工伤 (also in 大字模式), and agrees: the agreement is active', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/shared-staff/index?id=${agreementId}`);
    await shown('.sw-title', { hasText: `去${BORROWER}干活` }).waitFor();
    await shown('.sw-value', { hasText: `${words(TODAY)} 到 ${words(LAST)}` }).waitFor();
    await shown('.sw-value', { hasText: `${BORROWER}出钱，经${LENDER}发给您` }).waitFor();
    await shown('.sw-note', { hasText: '约定：借入方按每天 150 元结算' }).waitFor();
    await shown('.sw-head .zg-tag', { hasText: '等您同意' }).waitFor();
    await shown('.sw-value', { hasText: `工伤由${LENDER}负责` }).waitFor();
    assert.equal(await shown('.sw-wait').count(), 0, 'both firms signed and the villager agreed: only she is waited for');
    const agree = shown('.sw-agree', { hasText: '我同意' });
    await agree.waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('shared-staff-worker');
    const normal = await h.fontSize(agree);
    const normalValue = await h.fontSize(shown('.sw-value').first());

    await h.setLargeText(true);
    await agree.waitFor();
    assert.ok((await h.fontSize(agree)) > normal, '大字模式 makes the button text bigger');
    assert.ok((await h.fontSize(shown('.sw-value').first())) > normalValue, '大字模式 makes the facts bigger');
    assert.equal(await h.scrollsSideways(), false, 'nothing runs off the side in 大字模式');
    await h.fullShot('shared-staff-worker-large');

    await agree.click();
    const s = sheet('您同意去吗？');
    await s.waitFor();
    await h.shot('shared-staff-worker-confirm-large');
    await s.locator('.cs-submit').click();
    await s.waitFor({ state: 'detached' });
    await shown('.sw-agreed', { hasText: `✓ 您${await phoneToday()}已同意` }).waitFor();
    await shown('.sw-head .zg-tag', { hasText: '进行中' }).waitFor();
    await shown('.sw-active').waitFor();
    assert.equal(await shown('.sw-agree').count(), 0);
    await settle();
    await h.fullShot('shared-staff-worker-agreed-large');
    await h.setLargeText(false);

    // Her message opens this very page.
    const inbox = await call('GET', '/notifications?limit=20', { token: seeker.token });
    const note = inbox.items.find((n) => n.type === 'shared_staff');
    assert.ok(note, 'the worker is told');
    assert.equal(note.page, `/pages/shared-staff/index?id=${agreementId}`);
  });

  it('the borrower sees it 进行中, extends it with a reason, and prints the one-page summary', STEP, async () => {
    await h.useSession(borrower);
    const inbox = await call('GET', '/notifications?limit=20', { token: borrower.token });
    const note = inbox.items.find((n) => n.type === 'shared_staff');
    assert.equal(note?.page, `/packages/employer/pages/shared-agreement/index?id=${agreementId}`);
    await h.open(note.page);
    await shown('.sa-head .zg-tag', { hasText: '进行中' }).waitFor();
    await shown('.sa-active').waitFor();
    assert.equal(await shown('.saf-waiting').count(), 0);
    assert.equal(await shown('.saf-consent-ok').count(), 2);
    await settle();
    await h.fullShot('shared-staff-agreement-active');

    await shown('.sa-extend').click();
    const s = sheet('延长协议');
    await s.locator('.sa-extend-ok').click();
    await s.locator('.zg-error', { hasText: '请写明为什么延长' }).waitFor();
    await s.locator('.sa-preset', { hasText: '订单增加' }).click();
    const extended = page.waitForResponse((r) => r.url().endsWith(`/agreements/${agreementId}/extend`));
    await s.locator('.sa-extend-ok').click();
    const body = await (await extended).json();
    assert.equal(body.to, chinaDate(30));
    await s.waitFor({ state: 'detached' });
    await shown('.saf-fact', { hasText: '期间' }).locator('.saf-value', { hasText: `${words(TODAY)} 至 ${words(chinaDate(30))}` }).waitFor();
    await shown('.saf-fact', { hasText: '期间' }).locator('.saf-note', { hasText: '共31天' }).waitFor();

    await shown('.sa-print-open').click();
    const paper = shown('.sa-paper');
    await paper.waitFor();
    assert.match(await paper.textContent(), new RegExp(`工伤保险责任由出借方${LENDER}承担`));
    assert.match(await paper.textContent(), /共享用工不计入新增就业/);
    assert.equal(await paper.locator('.sa-paper-worker').count(), 2);
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => {
        window.__printed += 1;
      };
    });
    await shown('.sa-print-go', { hasText: '打印' }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1, '打印 opens the browser’s print dialog');
    await settle();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await shown('.sa-print-bar').count(), 0, 'the buttons do not print');
    assert.equal(await shown('.taro-navigation-bar-show').count(), 0, 'nor does the title bar');
    await h.fullShot('shared-staff-print');
    await page.emulateMedia({ media: 'screen' });
    await shown('.sa-print-back').click();
    await shown('.sa-sign, .sa-extend').first().waitFor();
  });

  it('the admin’s 共享员工统计 counts the agreement, its workers and worker-days, apart from 新增就业', STEP, async () => {
    await h.useSession(admin);
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-shared-stats').click();
    await page.waitForURL(/#\/packages\/admin\/pages\/shared-staff-stats\/index/);
    await shown('.sst-note', { hasText: '不计入新增就业' }).waitFor();
    const num = (cls) => shown(`.${cls} .sst-big-num`).textContent();
    await shown('.sst-agreements .sst-big-num', { hasText: '1' }).waitFor();
    assert.equal(await num('sst-active'), '1');
    assert.equal(await num('sst-workers'), '2');
    assert.equal(await num('sst-days'), '2', 'two workers, one day so far this year');
    await shown('.sst-groups-trade .sst-row', { hasText: '包装工' }).waitFor();
    await shown('.sst-groups-town .sst-row', { hasText: '桑村镇' }).waitFor();
    await shown('.sst-item', { hasText: `${LENDER} → ${BORROWER}` }).waitFor();
    await h.fullShot('shared-staff-stats');
  });

  it('the lender ends it early with a reason; everyone is told', STEP, async () => {
    await h.useSession(lender);
    await h.open(`/packages/employer/pages/shared-agreement/index?id=${agreementId}`);
    await shown('.sa-end').click();
    const s = sheet('提前结束协议？');
    await s.locator('.cs-preset', { hasText: '订单提前完成' }).click();
    await s.locator('.cs-submit').click();
    await s.waitFor({ state: 'detached' });
    await shown('.sa-head .zg-tag', { hasText: '已结束' }).waitFor();
    await shown('.saf-value', { hasText: '订单提前完成' }).waitFor();
    assert.equal(await shown('.sa-end').count(), 0);
    assert.equal(await shown('.sa-consent-how').count(), 0);
    const titles = (await call('GET', '/notifications?limit=20', { token: seeker.token })).items.map((n) => n.title);
    assert.ok(titles.includes('共享用工协议结束'), titles.join(','));
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
