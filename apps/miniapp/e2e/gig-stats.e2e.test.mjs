// Browser end-to-end test of the 零工 card on the 就业统计 dashboard (H5 build against the real API).
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/gig-stats.e2e.test.mjs
//
// Through the API: a verified employer posts a gig for today (work starts at 23:59 China time, so sign-ups
// are open and check-in is today), two people of one 村居 sign up and check in with the 现场码, the employer
// records pay for both, one of them disputes it. In the browser: the admin's dashboard shows the year's
// worker-days, people, employers, pay, no-shows and cases (the figures of GET /stats/gigs, grown by this
// test's day), the 下载零工报表 button downloads the workbook, 大字模式 stacks the figures, a 镇街 liaison
// reads whose work is counted. Screenshots: dist/screenshots/gig-stats-*.png (or E2E_SHOTS_DIR).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

const CHINA_NOW = new Date(Date.now() + 8 * 3600_000).toISOString();
const TODAY = CHINA_NOW.slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
/** Sign-ups for today close when work starts (23:59): too late in the day, nothing can be set up. */
const TOO_LATE = CHINA_NOW.slice(11, 16) >= '23:50';

let town;
let village;
let tokens = {};
/** GET /stats/gigs before this test's day (the demo data may hold some). */
let before0;
/** The size of a figure in normal text, for 大字模式 to beat. */
let normalSize = 0;

const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Yuan as the card writes it: thousands grouped, fen only when there are any (350.5 → "350.50"). */
const yuan = (n) => {
  const fen = Math.round(n * 100);
  return fen % 100 === 0 ? fmt(fen / 100) : `${fmt(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`;
};
const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const call = (method, path, options) => h.call(method, path, options);
const devLogin = async (body) => (await call('POST', '/auth/dev-login', { body })).token;
const gigStats = (token = tokens.admin) => call('GET', `/stats/gigs?year=${YEAR}`, { token });
const card = () => shown('.db-gigs');
const figure = (label) => card().locator('.db-gig-cell', { hasText: label }).locator('.db-gig-num');

async function loginAs(roleLabel, name, picks = []) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  for (const label of picks) await shown('.zg-chip', { hasText: new RegExp(`^${label}$`) }).click();
  await shownText(`以${roleLabel}身份登录`).click();
}

describe('零工 card on the dashboard in Chromium against the real API', { skip: TOO_LATE && `it is ${CHINA_NOW.slice(11, 16)} in China: today's gig sign-ups have closed` }, () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    await page.setViewportSize({ width: 375, height: 812 });
    town = (await h.getJson('/regions?parent=370406')).items.find((t) => t.code === '370406103');
    village = (await h.getJson(`/regions?parent=${town.code}`)).items[0];
    tokens = {
      admin: await devLogin({ role: 'admin', name: '周科长' }),
      employer: await devLogin({ role: 'employer', name: '花椒园张老板' }),
      w1: await devLogin({ role: 'seeker', name: '王大力' }),
      w2: await devLogin({ role: 'seeker', name: '李桂兰' }),
    };
    before0 = await gigStats();
    const employer = await call('POST', '/employers', {
      token: tokens.employer,
      body: { name: '山亭区桑村花椒种植专业合作社', creditCode: creditCodeOf('MA7G1G2T'), industryCode: 'A', townCode: town.code, address: '桑村镇花椒园', contactName: '张老板', contactPhone: '13905462288' },
    });
    await call('POST', `/employers/${employer.id}/verify`, { token: tokens.admin, body: { approve: true } });
    const post = await call('POST', '/posts', {
      token: tokens.employer,
      body: {
        title: '摘花椒，晚上干', occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，男女不限，园里有灯。', skills: ['摘花椒'], type: 'gig', wageUnit: 'day',
        wageMin: 180, wageMax: 220, headcount: 5, startDate: TODAY, workStartTime: '23:59', townCode: town.code, villageCode: village.code, lat: 35.0812, lng: 117.4021,
      },
    });
    await call('POST', `/posts/${post.id}/review`, { token: tokens.admin, body: { approve: true } });
    const signups = [];
    for (const [i, who] of ['w1', 'w2'].entries()) {
      await call('POST', '/me/profile/quick', { token: tokens[who], body: { name: who === 'w1' ? '王大力' : '李桂兰', phone: `1390549000${i}`, villageCode: village.code } });
      signups.push(await call('POST', `/gigs/${post.id}/signups`, { token: tokens[who], body: { date: TODAY } }));
    }
    const { code } = await call('GET', `/gigs/${post.id}/site-code?date=${TODAY}`, { token: tokens.employer });
    for (const who of ['w1', 'w2']) await call('POST', '/gigs/check-in', { token: tokens[who], body: { code } });
    const paidAt = new Date().toISOString();
    await call('POST', `/gigs/signups/${signups[0].id}/pay`, { token: tokens.employer, body: { amount: 200, method: 'cash', paidAt } });
    await call('POST', `/gigs/signups/${signups[1].id}/pay`, { token: tokens.employer, body: { amount: 150.5, method: 'wechat', paidAt } });
    await call('POST', `/gigs/signups/${signups[1].id}/dispute`, { token: tokens.w2, body: { reason: 'underpaid', note: '说好200，只给了150' } });
    const now = await gigStats();
    assert.equal(now.workerDays, before0.workerDays + 2);
    assert.equal(now.disputes.open, before0.disputes.open + 1);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the admin sees the year of 零工 on the dashboard', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await h.open('/packages/admin/pages/dashboard/index');
    await card().waitFor();
    await figure('上工人次').waitFor();
    assert.match(await card().locator('.zg-card-title').innerText(), new RegExp(`${YEAR}年零工市场`));
    assert.match(await card().innerText(), /全区各镇街的零工。零工（打短工、日结）单独统计，不算新增就业。/);
    const s = before0;
    assert.equal(await figure('上工人次').innerText(), `${fmt(s.workerDays + 2)} 人次`);
    assert.equal(await figure('上工的人').innerText(), `${fmt(s.workers + 2)} 人`);
    assert.equal(await figure('用工企业').innerText(), `${fmt(s.employers + 1)} 户`);
    assert.equal(await figure('记下的工钱').innerText(), `${yuan(s.paidTotal + 350.5)} 元`);
    assert.match(await figure('记下的工钱').getAttribute('class'), /zg-money/, 'pay in red');
    assert.equal(await figure('报了没来').innerText(), `${fmt(s.noShows)} 人次`);
    assert.equal(await figure('工钱投诉').innerText(), `${fmt(s.disputes.open + s.disputes.resolved + 1)} 件`);
    assert.equal(await card().locator('.db-gig-cases').innerText(), `工钱投诉：还在处理 ${s.disputes.open + 1} 件，已办结 ${s.disputes.resolved} 件`);
    assert.match(await card().locator('.db-gig-cases').getAttribute('class'), /db-gig-cases-open/, 'open cases stand out');
    // Two figures to a row at 375px.
    const tops = await card().locator('.db-gig-cell').evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
    assert.equal(tops, 3, 'six figures, two to a row');
    normalSize = await h.fontSize(figure('上工人次'));
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll at 375px');
    await card().scrollIntoViewIfNeeded();
    await h.shot('gig-stats-card');
  });

  it('下载零工报表 downloads the workbook', STEP, async () => {
    const button = card().locator('.zg-download', { hasText: '下载零工报表（Excel）' });
    const download = page.waitForEvent('download');
    await button.locator('.zg-btn').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), `零工统计表-${YEAR}.xlsx`);
    assert.equal(readFileSync(await file.path()).subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
    await button.locator('.zg-download-done').waitFor();
  });

  it('last year: its own figures, and the button asks for that year', STEP, async () => {
    const last = await call('GET', `/stats/gigs?year=${YEAR - 1}`, { token: tokens.admin });
    await shown('.zg-chip', { hasText: `去年 ${YEAR - 1}` }).click();
    await card().locator('.zg-card-title', { hasText: `${YEAR - 1}年零工市场` }).waitFor();
    assert.equal(await figure('上工人次').innerText(), `${fmt(last.workerDays)} 人次`);
    const asked = page.waitForRequest((r) => r.url().includes(`/stats/gigs.xlsx?year=${YEAR - 1}`));
    await card().locator('.zg-download .zg-btn').click();
    await asked;
    await shown('.zg-chip', { hasText: `今年 ${YEAR}` }).click();
    await card().locator('.zg-card-title', { hasText: `${YEAR}年零工市场` }).waitFor();
  });

  it('大字模式: one figure to a row, nothing cut off', STEP, async () => {
    await h.setLargeText(true);
    await figure('上工人次').waitFor();
    const tops = await card().locator('.db-gig-cell').evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
    assert.equal(tops, 6, 'six rows');
    const large = await h.fontSize(figure('上工人次'));
    assert.ok(large >= normalSize * 1.25, `the figures grow (${normalSize}px → ${large}px)`);
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await card().scrollIntoViewIfNeeded();
    await h.shot('gig-stats-card-large');
    await h.setLargeText(false);
  });

  it('a 镇街 liaison reads whose day work is counted: the people of their 镇街', STEP, async () => {
    await loginAs('联络员', '桑村镇干部', [town.name, '整个镇街']);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    await h.open('/packages/admin/pages/dashboard/index');
    await figure('上工人次').waitFor();
    const theirs = await h.getAsUser(`/stats/gigs?year=${YEAR}`);
    assert.ok(theirs.workerDays >= 2, 'our two villagers worked today');
    assert.equal(await figure('上工人次').innerText(), `${fmt(theirs.workerDays)} 人次`);
    assert.match(await card().innerText(), /本镇街村民干的零工，不管在哪里干的。/);
    await card().scrollIntoViewIfNeeded();
    await h.shot('gig-stats-card-liaison');
  });

  it('no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
