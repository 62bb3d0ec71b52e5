// Browser end-to-end test of 村居中心点 (the district admin imports 镇街/村居 centre points) on the H5
// build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/region-centres.e2e.test.mjs
//
// The district admin opens the page from the home's 镇街和村居 card, reads what it is for and how many
// places have a centre, downloads the template, uploads a CSV with a bad row (sees which row and why,
// nothing saved), then a good CSV (sees the counts go up); the page in 大字模式; a 镇街 officer is told
// the page is the district admin's. Screenshots: region-centres-*.png.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
let dir = '';

const ROUTE = '/packages/admin/pages/region-centres/index';
const SANGCUN = '370406103'; // 桑村镇
const SOURCE = '天地图 2026-11 村委会驻地';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);

async function loginAs(roleLabel, name) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  await shownText(`以${roleLabel}身份登录`).click();
}

/** A CSV as Excel's "CSV UTF-8" saves it (with a BOM), written to a file the page can pick. */
function csvFile(name, rows) {
  const text = ['代码,纬度,经度,来源', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  return path;
}

/** Presses the upload button and picks `path` in the browser's file chooser; waits for the API's answer. */
async function uploadThroughPage(path) {
  const chooser = page.waitForEvent('filechooser');
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/regions/centres') && r.request().method() === 'POST');
  await shown('.rc .zg-btn', { hasText: /选择文件上传/ }).click();
  await (await chooser).setFiles(path);
  return answered;
}

/** The two counts the page shows, as numbers: [镇街 with a centre, 村居 with a centre]. */
async function countsOnPage() {
  const nums = shown('.rc-count .rc-num');
  await nums.first().waitFor();
  return [Number(await nums.nth(0).innerText()), Number(await nums.nth(1).innerText())];
}

describe('村居中心点 in Chromium against the real API', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaogong-centres-'));
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let villages = [];
  let start;

  it('the district admin opens it from the home and reads what it is for and how many places have a centre', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    const link = shown('.zg-btn', { hasText: '村居中心点' });
    await link.scrollIntoViewIfNeeded();
    await h.shot('region-centres-home-link');
    await link.click();
    await page.waitForURL(new RegExp(`#${ROUTE}`));
    await shownText('这是做什么用的').waitFor();
    assert.match(await shown('.rc').innerText(), /离我最近/);
    start = await h.getAsUser('/regions/centres');
    assert.deepEqual(await countsOnPage(), [start.towns.withCentre, start.villages.withCentre]);
    assert.match(await shown('.rc-count').nth(0).innerText(), new RegExp(`/ ${start.towns.total} 个有中心点`));
    assert.match(await shown('.rc-count').nth(1).innerText(), new RegExp(`/ ${start.villages.total} 个有中心点`));
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('region-centres');
    villages = (await h.getJson(`/regions?parent=${SANGCUN}`)).items;
  });

  it('下载模板 saves the template as an .xlsx', STEP, async () => {
    const download = page.waitForEvent('download');
    await shown('.zg-download .zg-btn', { hasText: '下载模板' }).click();
    assert.equal((await download).suggestedFilename(), '村居中心点.xlsx');
    await shown('.zg-download-done').waitFor();
  });

  it('a CSV with a bad row is refused as a whole: the page names the row and what is wrong', STEP, async () => {
    const path = csvFile('有错的中心点.csv', [
      [villages[0].code, 35.0321, 117.4012, SOURCE],
      [villages[1].code, 34.5, 117.4012, SOURCE],
    ]);
    const res = await uploadThroughPage(path);
    assert.equal(res.status(), 400);
    await shown('.rc-refused').waitFor();
    const text = await shown('.rc-refused').innerText();
    assert.match(text, /有1行不对，这次什么都没有保存/);
    assert.match(text, /第 3 行/);
    assert.match(text, /纬度：34.5 不在山亭区范围内/);
    assert.deepEqual(await countsOnPage(), [start.towns.withCentre, start.villages.withCentre], 'nothing was saved');
    await h.fullShot('region-centres-refused');
  });

  it('a good CSV imports, and the counts go up', STEP, async () => {
    const path = csvFile('中心点.csv', [
      [SANGCUN, 35.0583, 117.3812, '天地图 2026-11 镇政府驻地'],
      [villages[0].code, 35.0321, 117.4012, SOURCE],
      [villages[1].code, 35.041, 117.395, SOURCE],
    ]);
    const res = await uploadThroughPage(path);
    assert.equal(res.status(), 200);
    await shown('.rc-done').waitFor();
    assert.match(await shown('.rc-done').innerText(), /已导入 3 个中心点/);
    assert.equal(await shown('.rc-refused').count(), 0, 'the earlier refusal is gone');
    for (let i = 0; i < 50; i++) {
      const [towns, vs] = await countsOnPage();
      if (towns === start.towns.withCentre + 1 && vs === start.villages.withCentre + 2) break;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(await countsOnPage(), [start.towns.withCentre + 1, start.villages.withCentre + 2]);
    assert.match(await shown('.rc').innerText(), /上次导入：\d{4}年/);
    const first = (await h.getJson(`/regions?parent=${SANGCUN}`)).items.find((v) => v.code === villages[0].code);
    assert.equal(first.lat, 35.0321);
    await h.fullShot('region-centres-done');
  });

  it('works in 大字模式: bigger text, nothing off the side', STEP, async () => {
    const normal = await h.fontSize(shown('.rc .zg-text').first());
    await h.setLargeText(true);
    await shownText('这是做什么用的').waitFor();
    await countsOnPage();
    const large = await h.fontSize(shown('.rc .zg-text').first());
    assert.ok(large > normal, `大字模式 makes the text bigger (${normal} → ${large})`);
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('region-centres-large');
    await h.setLargeText(false);
  });

  it('a 镇街 officer is told the page is the district admin’s', STEP, async () => {
    const officer = await h.call('POST', '/auth/dev-login', { body: { role: 'admin', name: '桑村镇干部', regionCode: SANGCUN } });
    await h.useSession(officer);
    await h.open(ROUTE);
    await shownText('这一页是给区级管理员用的').waitFor();
    assert.equal(await shown('.rc').count(), 0);
    await h.shot('region-centres-officer');
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
