// Browser end-to-end test of 山亭区就业服务 (pages/public/index), the public page, on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/public-stats.e2e.test.mjs
//
// Through the API (before anyone asks for the page, whose figures are cached for 5 minutes): a verified employer
// with a published post; 3 verified hires of residents of one 镇街 and 5 of another. In a browser that never
// logged in: the home links to the page; the page shows the count against the target 3,000, the 镇街 of 3 as
// "—" with the note and the 镇街 of 5 as 5, this month's column, posts open, the time; no phone number, 身份证号
// or name anywhere; last year through the picker and through ?year=; 大字模式 makes the big number ≥ 1.2× larger.
// Screenshots: public-stats-*.png in dist/screenshots (or E2E_SHOTS_DIR).
/* global document -- used inside page.evaluate() callbacks, which run in the browser */
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

/** Today in China (the API counts by the China calendar). */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const MONTH = Number(TODAY.slice(5, 7));
const FEW_TOWN = '370406103'; // 3 hires: shown as "—"
const FIVE_TOWN = '370406104'; // 5 hires: shown as 5

/** The residents: 3 hired in the first 镇街, 5 in the second, 5 still looking. Their names, phones and 身份证号 must never show. */
const PEOPLE = [
  ['孙立军', '37040619750312131'],
  ['李秀兰', '37040619820615242'],
  ['赵大勇', '37040619900120153'],
  ['钱桂芳', '37040619710405262'],
  ['周德胜', '37040619680930173'],
  ['吴玉梅', '37040619850211284'],
  ['郑国庆', '37040619791001195'],
  ['冯淑珍', '37040619770718206'],
  // Not hired: still looking for 千张 work, so the group of our post has 5 seekers and a 求人倍率 to show.
  ['褚春生', '37040619860223117'],
  ['卫小红', '37040619880514228'],
  ['蒋长河', '37040619720808139'],
  ['沈翠英', '37040619810317240'],
  ['韩志刚', '37040619930626151'],
].map(([name, body], i) => ({ name, idNumber: idNumberOf(body), phone: `1390547${String(1000 + i)}` }));

let towns = {}; // code → { name, village }
let tokens = {};
let employerId = '';
/** The district's figures before the test's hires (the demo data has none, but the test does not rely on it). */
let before0;

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const statsPage = () => shown('.ps');

async function devLogin(body) {
  return (await call('POST', '/auth/dev-login', { body })).token;
}

/** A resident of `villageCode` recorded by `liaison`, looking for 千张 work (occupation group 6-01). */
function addResident(person, villageCode, liaison) {
  return call('POST', '/residents', {
    token: tokens[liaison],
    body: {
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      villageCode,
      skills: ['千张'],
      desiredOccupations: ['6-01-01'],
      availability: ['full_time'],
      keyGroups: [],
      consent: { method: 'signature', at: new Date().toISOString() },
    },
  });
}

/** A resident hired by the employer and verified by the admin: counted. */
async function countedHire(residentId, liaison) {
  const item = await call('POST', '/hires', { token: tokens[liaison], body: { residentId, employerId, startDate: TODAY } });
  const done = await call('POST', `/hires/${item.id}/verify`, { token: tokens.admin, body: { reason: '电话核实本人已在岗' } });
  assert.equal(done.verified, true, 'verified: counted');
}

describe('山亭区就业服务, the public page, in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    await page.setViewportSize({ width: 375, height: 812 }); // the narrowest phone the pages are made for
    const all = (await h.getJson('/regions?parent=370406')).items;
    for (const code of [FEW_TOWN, FIVE_TOWN]) {
      const town = all.find((t) => t.code === code);
      towns[code] = { name: town.name, village: (await h.getJson(`/regions?parent=${code}`)).items[0] };
    }
    tokens = {
      admin: await devLogin({ role: 'admin', name: '周科长' }),
      few: await devLogin({ role: 'liaison', name: '刘书记', regionCode: towns[FEW_TOWN].village.code }),
      five: await devLogin({ role: 'liaison', name: '陈书记', regionCode: towns[FIVE_TOWN].village.code }),
      employer: await devLogin({ role: 'employer', name: '王老板' }),
    };
    const employer = await call('POST', '/employers', {
      token: tokens.employer,
      body: {
        name: '山亭区老王千张加工坊',
        creditCode: creditCodeOf('MA7E2D56'),
        industryCode: 'C',
        townCode: FEW_TOWN,
        address: '桑村镇驻地工业园南门',
        contactName: '王师傅',
        contactPhone: '13905462234',
      },
    });
    employerId = employer.id;
    await call('POST', `/employers/${employerId}/verify`, { token: tokens.admin, body: { approve: true } });
    const post = await call('POST', '/posts', {
      token: tokens.employer,
      body: {
        title: '千张压制工',
        occupationCode: '6-01-01',
        description: '压千张、豆皮，男女不限，早上6点上班，中午管饭。手脚麻利就行，不会的可以学。',
        skills: ['千张'],
        wageMin: 4000,
        wageMax: 5000,
        wageUnit: 'month',
        type: 'full_time',
        headcount: 40, // the most wanted group, so its 求人倍率 is among the few shown
        townCode: FEW_TOWN,
        benefits: ['meals'],
      },
    });
    await call('POST', `/posts/${post.id}/review`, { token: tokens.admin, body: { approve: true } });
    const ids = [];
    for (const [i, p] of PEOPLE.entries()) ids.push((await addResident(p, towns[i < 3 ? FEW_TOWN : FIVE_TOWN].village.code, i < 3 ? 'few' : 'five')).id);

    // The admin's own figures before the hires (not the public route: it would keep that answer for 5 minutes).
    // The market figures (求人倍率) are kept for 5 minutes too: asked after the post and the residents, they count them.
    before0 = await call('GET', `/stats/employment?year=${YEAR}`, { token: tokens.admin });
    for (const code of [FEW_TOWN, FIVE_TOWN]) assert.equal(before0.byTown.find((t) => t.code === code).count, 0, `no hires in ${code} yet`);
    for (const id of ids.slice(0, 3)) await countedHire(id, 'few');
    for (const id of ids.slice(3, 8)) await countedHire(id, 'five');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the home links to it for anyone, without logging in', STEP, async () => {
    await h.open('/pages/index/index');
    const link = shown('.psl', { hasText: '全区就业进度' });
    await link.waitFor();
    await h.shot('public-stats-home-link');
    await link.click();
    await page.waitForURL(/#\/pages\/public\/index/);
    await statsPage().locator('.ps-count').waitFor();
    const session = await h.currentSession();
    assert.equal(session.token, undefined, 'nobody is logged in');
  });

  it('shows the count against the target 3,000, with its bar and percent', STEP, async () => {
    await h.open('/pages/public/index');
    const count = before0.count + 8;
    const progress = statsPage().locator('.ps-progress');
    await progress.locator('.ps-count').waitFor();
    assert.equal(await progress.locator('.ps-count').innerText(), fmt(count));
    assert.match(await progress.innerText(), /今年全区新增就业/);
    assert.match(await progress.innerText(), /目标 3,000 人/);
    assert.match(await progress.locator('.ps-target').innerText(), /已完成 (不到0\.1%|[\d.]+%)/);
    const bar = await progress.locator('.ps-bar').evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(bar > 0, `the bar is drawn (${bar}px)`);
    assert.equal(await page.evaluate(() => document.querySelector('.taro-navigation-bar-title')?.textContent ?? document.title), '山亭区就业服务');
  });

  it('a 镇街 with 3 hires shows "—" and the note; one with 5 shows 5', STEP, async () => {
    const rows = statsPage().locator('.ps-town');
    assert.equal(await rows.count(), 11, 'one row per 镇街 of the district');
    const few = rows.filter({ hasText: towns[FEW_TOWN].name });
    const five = rows.filter({ hasText: towns[FIVE_TOWN].name });
    assert.equal(await few.locator('.ps-town-count').innerText(), '—');
    assert.equal(await five.locator('.ps-town-count').innerText(), '5 人');
    assert.equal(await few.locator('.ps-hbar').evaluate((el) => el.getBoundingClientRect().width), 0, 'a hidden count has no bar');
    assert.ok((await five.locator('.ps-hbar').evaluate((el) => el.getBoundingClientRect().width)) > 0);
    const townCard = statsPage().locator('.zg-card', { has: page.locator('.ps-town') });
    assert.match(await townCard.innerText(), /—：少于5人的数字不显示，保护个人信息/);

    const month = statsPage().locator('.ps-month').nth(MONTH - 1);
    const monthCount = before0.byMonth[MONTH - 1].count + 8;
    assert.equal(await month.locator('.ps-month-count').innerText(), String(monthCount));
    assert.ok((await month.locator('.ps-month-bar').evaluate((el) => el.getBoundingClientRect().height)) > 40, "this month's bar is drawn");
  });

  it('shows posts open, 求人倍率 in plain words, 零工, fairs and the time of the figures', STEP, async () => {
    const answer = await h.getJson(`/public/stats?year=${YEAR}`);
    assert.equal(answer.count, before0.count + 8, 'the API agrees with the page');
    const figs = await statsPage().locator('.ps-fig').allInnerTexts();
    assert.ok(figs.some((t) => t.replace(/\s+/g, ' ').includes(`在招岗位 ${fmt(answer.openPosts)} 个`)), figs.join(' | '));
    assert.ok(figs.some((t) => t.replace(/\s+/g, ' ').includes(`招聘人数 ${fmt(answer.openHeadcount)} 人`)), figs.join(' | '));
    assert.ok(answer.openPosts >= 1, 'our post is open');
    const text = await statsPage().innerText();
    assert.match(text, /零工上工/);
    assert.match(text, /招聘活动/);
    assert.match(text, /数据更新于 \d{2}:\d{2}/);
    for (const r of await statsPage().locator('.ps-item-main').allInnerTexts()) assert.doesNotMatch(r, /NaN|undefined|null/, r);
    // 求人倍率 of our post's group in plain words, as the API counted it (40 places and at least our 5 seekers).
    const group = answer.supplyDemand.find((g) => g.group === '6-01');
    assert.ok(group.seekers >= 5 && group.ratio > 1, JSON.stringify(group));
    const row = statsPage().locator('.ps-item', { hasText: group.name }).first();
    const words = `每个求职者约有${group.ratio.toFixed(1).replace(/\.0$/, '')}个岗位`;
    assert.equal(await row.locator('.ps-item-main').innerText(), words);
    assert.match(await row.innerText(), new RegExp(`招 ${group.openHeadcount} 人，求职 ${group.seekers} 人`));
    for (const r of await statsPage().locator('.ps-item-main').allInnerTexts()) {
      if (r.startsWith('一般')) assert.match(r, /^一般 [\d,]+ 元\/月$/, '工资价位: the median a month');
      else assert.match(r, /^(每个求职者约有[\d.]+个岗位|约[\d.]+个求职者争1个岗位|岗位比找活的人多，好找|找这类活的人不多|还没有人登记找这类活，正缺人)$/, r);
    }
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll at 375px');
    await h.shot('public-stats-top');
    await h.fullShot('public-stats');
  });

  it('no phone number, 身份证号 or name of anyone anywhere on the page', STEP, async () => {
    // What is shown, and every piece of text in the page's elements, hidden ones too (one per line, so that
    // neighbouring figures such as the month columns do not run together into one long number).
    const everything = await page.evaluate(() => {
      const parts = [];
      const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
      return parts.join('\n');
    });
    for (const text of [await page.evaluate(() => document.body.innerText), everything]) {
      assert.doesNotMatch(text, /1[3-9]\d{9}/, 'no phone number');
      assert.doesNotMatch(text, /\d{17}[\dXx]/, 'no 身份证号');
      for (const p of PEOPLE) {
        assert.ok(!text.includes(p.name), `${p.name} is not named`);
        assert.ok(!text.includes(p.phone) && !text.includes(p.idNumber));
      }
    }
  });

  it('the year picker and ?year= show last year', STEP, async () => {
    const lastYear = await h.getJson(`/public/stats?year=${YEAR - 1}`);
    await shown('.zg-chip', { hasText: `去年 ${YEAR - 1}` }).click();
    await statsPage().locator('.ps-progress', { hasText: `${YEAR - 1}年全区新增就业` }).waitFor();
    assert.equal(await statsPage().locator('.ps-count').innerText(), fmt(lastYear.count));
    await h.open(`/pages/public/index?year=${YEAR - 1}`);
    await statsPage().locator('.ps-progress', { hasText: `${YEAR - 1}年全区新增就业` }).waitFor();
    await shown('.zg-chip', { hasText: `今年 ${YEAR}` }).click();
    await statsPage().locator('.ps-progress', { hasText: '今年全区新增就业' }).waitFor();
  });

  it('大字模式 makes the big number at least 1.2× larger, without sideways scrolling', STEP, async () => {
    await h.open('/pages/public/index');
    await statsPage().locator('.ps-count').waitFor();
    assert.equal(await page.locator('.zg-page.zg-large').count(), 0);
    const normal = await h.fontSize(statsPage().locator('.ps-count'));
    await h.setLargeText(true);
    await page.locator('.zg-page.zg-large').first().waitFor();
    await statsPage().locator('.ps-count').waitFor();
    const large = await h.fontSize(statsPage().locator('.ps-count'));
    assert.ok(large >= normal * 1.2, `the big number grows from ${normal}px to ${large}px`);
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    const rows = await statsPage()
      .locator('.ps-month')
      .evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
    assert.equal(rows, 2, 'the months wrap to two rows of six');
    await h.shot('public-stats-large-top');
    await h.fullShot('public-stats-large');
    await h.setLargeText(false);
  });

  it('no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
