// Browser end-to-end test of the 实名制台账 (residents) pages of the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/residents.e2e.test.mjs
//
// A 村居 liaison registers a resident through the form (身份证号 checked as typed, consent step),
// meets the 409 of a second registration, finds them in the list, marks them 已就业 and edits them;
// presses 打电话 on the record and in the list; the form in 大字模式; a seeker fills in 我的档案; an admin
// opens the 人力资源地图 and drills into a 镇街, and calls an employer's contact on 企业认证; a liaison
// checks an Excel file before importing it. Screenshots go to dist/screenshots/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
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

/** A valid 身份证号 (GB 11643): area, birth date YYYYMMDD, 3-digit sequence (odd = male). */
const makeIdNumber = (area, birth, seq) => idNumberOf(`${area}${birth}${seq}`);

/** Completed years on today's local date. */
function ageToday(y, m, d) {
  const now = new Date();
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

const RESIDENT = {
  name: '韩春梅',
  idNumber: makeIdNumber('370406', '19710315', '386'), // even sequence: a woman
  phone: '13905467788',
  age: ageToday(1971, 3, 15),
};
const SEEKER = {
  name: '王秀英',
  idNumber: makeIdNumber('370406', '19850701', '217'), // odd sequence: a man's number is fine too
  phone: '15866012345',
};

let town; // the first 镇街
let village; // its first 村居
let otherTown; // a second 镇街, for the seeker
let residentId = '';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
const field = (id) => shown(`#rf-${id}`);
const input = (cls) => shown(`.${cls} input`);
const chip = (scope, label) => scope.locator('.zg-chip', { hasText: new RegExp(`^(✓ )?${label}$`) }).filter({ visible: true });

async function loginAs(roleLabel, name, picks = []) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  for (const label of picks) await shown('.zg-chip', { hasText: new RegExp(`^${label}$`) }).click();
  await shownText(`以${roleLabel}身份登录`).click();
}

/**
 * 打电话 on a screen of its own: a tapped tel: link (makePhoneCall in a browser) is handed to the system,
 * which headless Chromium cannot show and which then takes no more input on that page. So each press
 * happens on a fresh page of the same account (its storage copied), checked, photographed and closed.
 */
async function onCallPage(route, run) {
  const storage = await page.evaluate(() => Object.entries(localStorage));
  const other = await newBrowserPage(browser);
  try {
    await other.page.goto(`${api.base}/`);
    await other.page.evaluate((entries) => {
      for (const [k, v] of entries) localStorage.setItem(k, v);
    }, storage);
    const oh = pageHelpers(other.page, api.base);
    await oh.open(route);
    await run(other.page, oh);
    assert.deepEqual(other.pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(other.failedApiCalls, [], 'API calls that failed or answered 5xx');
  } finally {
    await other.page.context().close();
  }
}

/** Fills the 登记 form with `person` and the rest of the answers (the 村居 is the liaison's own). */
async function fillForm(person) {
  // A form left half-filled earlier comes back as a draft (已恢复上次没填完的内容): start from empty.
  const clearDraft = shown('.rf-restored-clear');
  if ((await clearDraft.count()) > 0) await clearDraft.click();
  await input('rf-input-name').fill(person.name);
  await input('rf-input-id').fill(person.idNumber);
  await input('rf-input-phone').fill(person.phone);
  await chip(field('education'), '初中').click();
  await shown('#rf-skills .zg-words-input input').fill('电焊，做饭');
  await shown('#rf-skills .zg-words-add').click();
  await shown('.zg-occ-input input').fill('保洁');
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/occupations?q='));
  await shown('.zg-occ-search').click();
  await answered;
  await shown('.zg-occ-item', { hasText: '保洁员' }).first().click();
  await chip(field('availability'), '全职').click();
  await chip(field('availability'), '零工').click();
  await input('rf-input-wage').fill('3000');
  await input('rf-input-km').fill('20');
  await chip(field('keyGroups'), '返乡农民工').click();
}

describe('实名制台账 pages in Chromium against the real API', () => {
  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    const towns = (await h.getJson('/regions?parent=370406')).items;
    town = towns[0];
    otherTown = towns[1];
    village = (await h.getJson(`/regions?parent=${town.code}`)).items[0];
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('a 村居 liaison opens 登记居民 from their home', STEP, async () => {
    await loginAs('联络员', '刘书记', [town.name, village.name]);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    const tools = shown('.home-tools', { hasText: '居民实名台账' });
    await tools.waitFor();
    // Every tool works now: nothing is listed as 即将开放.
    assert.equal(await shown('.zg-soon-item').count(), 0);
    await tools.locator('.zg-btn', { hasText: /^登记居民$/ }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident-form\/index/);
    await field('villageCode').filter({ hasText: village.name }).waitFor();
  });

  it('checks the 身份证号 as it is typed and shows the gender, birth date and age it holds', STEP, async () => {
    const wrong = RESIDENT.idNumber.slice(0, 17) + (RESIDENT.idNumber[17] === '0' ? '1' : '0');
    await input('rf-input-id').fill(wrong);
    await field('idNumber').locator('.zg-field-error', { hasText: '身份证号最后一位不对，请再核对一遍' }).waitFor();
    await input('rf-input-id').fill(RESIDENT.idNumber.slice(0, 10));
    assert.equal(await field('idNumber').locator('.zg-field-error').count(), 0, 'no error while still typing');

    await fillForm(RESIDENT);
    const derived = field('idNumber').locator('.rf-derived-ok');
    await derived.waitFor();
    const text = await derived.innerText();
    assert.match(text, /性别：\s*女/);
    assert.match(text, /出生日期：\s*1971年3月15日/);
    assert.match(text, new RegExp(`年龄：\\s*${RESIDENT.age}岁`));

    // A bad phone number is caught before the consent step.
    await input('rf-input-phone').fill('1390546');
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await field('phone').locator('.zg-field-error', { hasText: '手机号应为11位数字' }).waitFor();
    await input('rf-input-phone').fill(RESIDENT.phone);
    assert.equal(await field('phone').locator('.zg-field-error').count(), 0, 'the error goes once the number is fixed');
    await shown('.zg-chip-remove', { hasText: '电焊' }).waitFor();
    await shown('.zg-chip-remove', { hasText: '保洁员' }).waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('resident-form');
  });

  it('asks how the person agreed, explains what is kept and why, then registers them', STEP, async () => {
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await shownText('最后一步：请本人同意').waitFor();
    const page1 = await shown('.rf-consent').innerText();
    for (const s of ['登记哪些信息', '为什么登记', '谁能看到', '同意时间']) assert.ok(page1.includes(s), `the consent step says ${s}`);
    assert.ok(page1.includes(RESIDENT.name) && page1.includes(`${RESIDENT.age}岁`), 'it names the person');

    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    await shown('.zg-error', { hasText: '请选择本人是怎么同意的' }).waitFor();
    await shown('.rf-method', { hasText: '口头同意' }).click();
    await h.shot('resident-consent');

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/residents') && r.request().method() === 'POST');
    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    const res = await created;
    assert.equal(res.status(), 201, `POST /residents answered ${res.status()}: ${await res.text()}`);
    const body = await res.json();
    residentId = body.id;
    const sent = res.request().postDataJSON();
    assert.equal(sent.consent.method, 'verbal');
    assert.match(sent.consent.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, 'consent time with an offset');
    assert.equal(sent.villageCode, village.code, 'the liaison\'s own 村居');
    assert.deepEqual(sent.availability, ['full_time', 'gig']);
    assert.deepEqual(sent.skills, ['电焊', '做饭']);
    assert.deepEqual(sent.desiredOccupations, ['4-02-01']);

    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title', { hasText: RESIDENT.name }).waitFor();
    const detail = await shown('.zg-page', { has: page.locator('.rv-title') }).innerText();
    assert.ok(detail.includes(`3704**********${RESIDENT.idNumber.slice(-4)}`), 'the 身份证号 is masked');
    assert.ok(detail.includes(`139****${RESIDENT.phone.slice(-4)}`), 'the phone is masked');
    assert.ok(!detail.includes(RESIDENT.idNumber), 'the full 身份证号 is nowhere on the page');
    for (const s of ['求职中', '登记，求职中', '保洁员', '电焊、做饭', '全职、零工', '3000 元/月 起', '20 公里', '返乡农民工', '口头同意']) {
      assert.ok(detail.includes(s), `the record shows ${s}`);
    }
  });

  it('registering the same 身份证号 again says so as soon as it is typed, and leads to the existing record', STEP, async () => {
    await h.open('/packages/liaison/pages/resident-form/index');
    await field('villageCode').filter({ hasText: village.name }).waitFor();
    await fillForm({ ...RESIDENT, name: '韩春美' });
    // Under the field at once (POST /residents/id-check), before 下一步 and the consent.
    const dup = field('idNumber').locator('.rf-dup', { hasText: `这个身份证号已经登记过了（${village.name}），点这里查看` });
    await dup.waitFor();
    await shown('.rf-submit', { hasText: '下一步' }).click();
    assert.equal(await shown('.rf-method').count(), 0, 'no consent step for someone registered already');
    await h.shot('resident-form-duplicate');
    await dup.click();
    await page.waitForURL(new RegExp(`#/packages/liaison/pages/resident/index\\?id=${residentId}`));
    await shown('.rv-title', { hasText: RESIDENT.name }).waitFor();

    // When the check cannot answer, the 409 of 提交 still says so.
    const check = '**/api/v1/residents/id-check';
    await page.route(check, (r) => r.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ statusCode: 429, message: '操作太频繁，请稍后再试' }) }));
    await h.open('/packages/liaison/pages/resident-form/index');
    await field('villageCode').filter({ hasText: village.name }).waitFor();
    await fillForm({ ...RESIDENT, name: '韩春美' });
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await shown('.rf-method', { hasText: '本人签字' }).click();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/residents') && r.request().method() === 'POST');
    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    assert.equal((await answered).status(), 409);
    await shown('.rf-banner').waitFor();
    await field('idNumber').locator('.zg-field-error').waitFor();
    await page.unroute(check);
    await shown('.rf-existing', { hasText: '查看已登记的这个人' }).click();
    await page.waitForURL(new RegExp(`#/packages/liaison/pages/resident/index\\?id=${residentId}`));
    await shown('.rv-title', { hasText: RESIDENT.name }).waitFor();
  });

  it('finds them in the 居民名单 by name, with masked phone, age, status and key groups', STEP, async () => {
    await h.open('/packages/liaison/pages/residents/index');
    const rows = shown('.res-row');
    await rows.first().waitFor();
    const total = (await h.getAsUser('/residents?limit=100')).items.length;
    assert.equal(await rows.count(), Math.min(total, 20), 'the first page of the list');
    await h.shot('resident-list');

    await shown('.res-search-input input').fill(RESIDENT.name.slice(0, 2));
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/residents?') && r.url().includes('q='));
    await shown('.res-search-btn').click();
    await searched;
    const row = shown('.res-row', { hasText: RESIDENT.name });
    await row.waitFor();
    const text = await row.innerText();
    for (const s of [`139****${RESIDENT.phone.slice(-4)}`, `${RESIDENT.age}岁`, '女', '求职中', '返乡农民工']) {
      assert.ok(text.includes(s), `the row shows ${s}: ${text}`);
    }

    // Filters: 已就业 leaves them out, 返乡农民工 keeps them.
    await chip(page, '已就业').click();
    await shown('.zg-state-title', { hasText: '没有找到符合条件的居民' }).waitFor();
    await chip(page, '全部').first().click();
    await chip(page, '返乡农民工').click();
    await shown('.res-row', { hasText: RESIDENT.name }).waitFor();
  });

  it('the detail marks them 已就业 in one tap, with a note that shows in the history', STEP, async () => {
    await shown('.res-row', { hasText: RESIDENT.name }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rd-btn', { hasText: /✓ 求职中/ }).waitFor();
    await shown('.rd-note input').fill('在桑村塑编厂上班');
    const patched = page.waitForResponse((r) => r.url().includes(`/api/v1/residents/${residentId}`) && r.request().method() === 'PATCH');
    await shown('.rd-btn', { hasText: /^已就业$/ }).click();
    const res = await patched;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { status: 'employed', statusNote: '在桑村塑编厂上班' });
    await shown('.rd-btn', { hasText: /✓ 已就业/ }).waitFor();
    const latest = shown('.rv-history .rv-step').first();
    await latest.filter({ hasText: '求职中 → 已就业' }).waitFor();
    assert.ok((await latest.innerText()).includes('在桑村塑编厂上班'), 'the note is in the history');
    assert.ok((await latest.innerText()).includes('刘书记'), 'who changed it');
    assert.equal(await shown('.rv-history .rv-step').count(), 2, 'registration and the change');
    await shown('.rv-head .rv-status', { hasText: '已就业' }).waitFor();
    await page.waitForTimeout(1500); // the 已改为已就业 toast goes away
    await h.fullShot('resident-detail');
  });

  it('编辑 changes a field and comes back to the record', STEP, async () => {
    await shown('.zg-btn', { hasText: /^编辑信息$/ }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident-form\/index\?id=/);
    const wage = input('rf-input-wage');
    await wage.waitFor();
    assert.equal(await wage.inputValue(), '3000');
    await shown('.zg-chip-remove', { hasText: '保洁员' }).waitFor(); // the code is shown by its name
    await wage.fill('3500');
    const patched = page.waitForResponse((r) => r.url().includes(`/api/v1/residents/${residentId}`) && r.request().method() === 'PATCH');
    await shown('.rf-submit', { hasText: '保存修改' }).click();
    const res = await patched;
    assert.equal(res.status(), 200, await res.text());
    const sent = res.request().postDataJSON();
    assert.equal(sent.expectedWageMin, 3500);
    assert.ok(!('phone' in sent), 'the phone is sent only when a new one is typed');
    assert.ok(!('idNumber' in sent));
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-value', { hasText: '3500 元/月 起' }).waitFor();
  });

  it('Excel 导入: the template downloads, a dry run reports each bad row, 确认导入 adds the good ones', STEP, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zaogong-import-'));
    try {
      await h.open('/pages/me/index');
      await shown('.zg-btn', { hasText: '进入联络员工作台' }).click();
      await shown('.home-tools .zg-btn', { hasText: 'Excel' }).click();
      await page.waitForURL(/#\/packages\/liaison\/pages\/import\/index/);

      // 下载模板: fetched with the bearer token and saved by the browser.
      const downloading = page.waitForEvent('download');
      await shown('.zg-btn', { hasText: /^下载模板$/ }).click();
      const download = await downloading;
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const templatePath = join(dir, 'template.xlsx');
      await download.saveAs(templatePath);
      await shown('.zg-download-done').first().waitFor();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(templatePath));
      const ws = wb.getWorksheet('居民信息') ?? wb.worksheets[0];
      const headers = /** @type {string[]} */ (ws.getRow(1).values).slice(1).map((v) => String(v ?? '').trim());
      for (const hd of ['姓名', '身份证号', '手机号']) assert.ok(headers.includes(hd), `the template has a ${hd} column: ${headers}`);

      // Two people after the example row: one right, one with a wrong 身份证号 check character.
      const good = makeIdNumber('370406', '19800808', '552');
      const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const people = [
        { 姓名: '孔繁荣', 身份证号: good, 手机号: '13705461111', 村居名称: village.name, 可接受的用工方式: '零工', 同意方式: '本人签字', 同意时间: '2026-11-01' },
        { 姓名: '孔繁华', 身份证号: bad, 手机号: '13705462222', 村居名称: village.name, 可接受的用工方式: '零工', 同意方式: '本人签字', 同意时间: '2026-11-01' },
      ];
      people.forEach((p, i) => {
        const row = ws.getRow(3 + i);
        headers.forEach((hd, col) => {
          if (hd in p) row.getCell(col + 1).value = p[hd];
        });
        row.commit();
      });
      const filled = join(dir, '居民名单.xlsx');
      writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

      const chooser = page.waitForEvent('filechooser');
      const checked = page.waitForResponse((r) => r.url().includes('/api/v1/residents/import?dryRun=true'));
      await shown('.imp-pick', { hasText: '选择文件导入' }).click();
      await (await chooser).setFiles(filled);
      const dry = await checked;
      assert.equal(dry.status(), 200, await dry.text());
      const report = await dry.json();
      assert.equal(report.dryRun, true);
      assert.equal(report.created, 1, JSON.stringify(report));
      assert.equal(report.failed, 1, JSON.stringify(report));
      await shown('.imp-file', { hasText: '居民名单.xlsx' }).waitFor();
      const shownReport = shown('.imp-report').first();
      await shownReport.waitFor();
      const text = await shownReport.innerText();
      assert.match(text, /共\s*2\s*行/);
      assert.match(text, /1\s*人可以导入/);
      assert.match(text, /1\s*行有问题/);
      const badRow = report.errors[0];
      await shown('.imp-error', { hasText: `第 ${badRow.row} 行` }).filter({ hasText: badRow.message.split('：').pop() }).waitFor();
      assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
      await h.fullShot('resident-import');

      const imported = page.waitForResponse((r) => r.url().includes('/api/v1/residents/import?dryRun=false'));
      await shown('.imp-confirm', { hasText: '确认导入 1 人' }).click();
      const done = await (await imported).json();
      assert.equal(done.created, 1);
      await shown('.imp-sum', { hasText: '导入结果' }).waitFor();
      const found = await h.getAsUser(`/residents?q=${encodeURIComponent(good)}`);
      assert.equal(found.items.length, 1, 'the good row is registered');
      assert.equal(found.items[0].name, '孔繁荣');
      assert.equal((await h.getAsUser(`/residents?q=${encodeURIComponent('孔繁华')}`)).items.length, 0, 'the bad row is not');

      // 导出名单: the masked list, saved by the browser.
      const exporting = page.waitForEvent('download');
      await shown('.zg-btn', { hasText: /^导出名单$/ }).click();
      const exported = await exporting;
      const exportPath = join(dir, 'export.xlsx');
      await exported.saveAs(exportPath);
      const bytes = readFileSync(exportPath);
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx (zip) file');
      const out = new ExcelJS.Workbook();
      await out.xlsx.load(bytes);
      let cells = '';
      out.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => (cells += `${c.text}\n`))));
      assert.ok(cells.includes('孔繁荣') && cells.includes(RESIDENT.name), 'both people are in the export');
      assert.ok(!cells.includes(good) && !cells.includes(RESIDENT.idNumber), 'no full 身份证号 in the export');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('打电话 on the record and in the list asks the API for the number of that call and stays on the page', STEP, async () => {
    // On the record: one big button with the masked number.
    await onCallPage(`/packages/liaison/pages/resident/index?id=${residentId}`, async (p, oh) => {
      const button = oh.shown('.rd-call .zg-call-btn');
      await button.filter({ hasText: `打电话 139****${RESIDENT.phone.slice(-4)}` }).waitFor();
      assert.ok(!(await p.locator('body').innerText()).includes(RESIDENT.phone), 'the full number is not on the screen');
      const url = p.url();
      const called = p.waitForResponse((r) => r.url().endsWith(`/api/v1/residents/${residentId}/call`) && r.request().method() === 'POST');
      await button.click();
      const res = await called;
      assert.equal(res.status(), 200);
      assert.deepEqual(await res.json(), { phone: RESIDENT.phone });
      // makePhoneCall opens tel:… in a browser: the page is still the record, still masked.
      await p.waitForTimeout(500);
      assert.equal(p.url(), url);
      await oh.shown('.rd-call .zg-call-btn', { hasText: '打电话' }).waitFor();
      assert.ok(!(await p.locator('body').innerText()).includes(RESIDENT.phone), 'still masked after the call');
      await oh.shot('call-resident-detail');
      await oh.setLargeText(true);
      await oh.shown('.zg-large .rd-call .zg-call-btn').waitFor();
      assert.equal(await oh.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
      await oh.shot('call-resident-detail-large');
    });

    // In the 居民名单: 打电话 beside the row calls without opening the record.
    await onCallPage('/packages/liaison/pages/residents/index', async (p, oh) => {
      const row = oh.shown('.res-row', { hasText: RESIDENT.name });
      await row.waitFor();
      const url = p.url();
      const called = p.waitForResponse((r) => r.url().endsWith(`/api/v1/residents/${residentId}/call`) && r.request().method() === 'POST');
      await row.locator('.zg-call-btn', { hasText: '打电话' }).click();
      assert.equal((await called).status(), 200);
      await p.waitForTimeout(500);
      assert.equal(p.url(), url, 'the row did not open the record');
      await oh.shot('call-resident-list');
      await oh.setLargeText(true);
      await oh.shown('.zg-large .res-row .zg-call-btn').first().waitFor();
      assert.equal(await oh.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
      await oh.shot('call-resident-list-large');
    });
  });

  it('大字模式 makes the form bigger without spilling sideways', STEP, async () => {
    await h.open('/packages/liaison/pages/resident-form/index');
    const label = shown('#rf-name .zg-label');
    await label.waitFor();
    const normal = await h.fontSize(label);
    await h.setLargeText(true);
    const large = shown('.zg-large #rf-name .zg-label');
    await large.waitFor();
    assert.ok((await h.fontSize(large)) >= normal * 1.2, 'labels are at least 1.2 × bigger');
    const inputHeight = await shown('.rf-input-name').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(inputHeight >= 88 / 2, `inputs are tall enough to tap (${inputHeight} CSS px)`);
    await input('rf-input-id').fill(RESIDENT.idNumber);
    await field('idNumber').locator('.rf-derived-ok').waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('resident-form-large');
    await h.fullShot('resident-form-large-full');
    await fillForm({ ...SEEKER, name: '测试大字', idNumber: makeIdNumber('370406', '19600101', '458') });
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await shownText('最后一步：请本人同意').waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll on the consent step');
    await h.shot('resident-consent-large');
    await h.setLargeText(false);
  });

  it('a 镇街 liaison picks the 村居 on the form from their 镇街', STEP, async () => {
    await loginAs('联络员', '陈主任', [otherTown.name, '整个镇街']);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    await shown('.home-tools .zg-btn', { hasText: /^登记居民$/ }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident-form\/index/);
    const villages = (await h.getJson(`/regions?parent=${otherTown.code}`)).items;
    const chips = field('villageCode').locator('.zg-chip');
    await chips.first().waitFor();
    assert.equal(await chips.count(), villages.length, 'one chip per 村居 of the 镇街, no 镇街 chips');
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await field('villageCode').locator('.zg-field-error', { hasText: '请选择村居' }).waitFor();
    await chip(field('villageCode'), villages[0].name).click();
    await field('villageCode').locator('.rf-picked', { hasText: villages[0].name }).waitFor();
    assert.equal(await field('villageCode').locator('.zg-field-error').count(), 0);
  });

  it('a seeker fills in 我的档案 from 我的 and then sees their record', STEP, async () => {
    await loginAs('求职者', SEEKER.name);
    await page.waitForURL(/#\/pages\/index\/index/);
    await shown('.weui-tabbar__item', { hasText: '我的' }).click();
    await shown('.zg-btn', { hasText: /^我的档案$/ }).click();
    await page.waitForURL(/#\/pages\/profile\/index/);
    await shownText('您还没有求职档案').waitFor();
    await h.shot('my-profile-empty');

    await input('rf-input-name').fill(SEEKER.name);
    await input('rf-input-id').fill(SEEKER.idNumber);
    await input('rf-input-phone').fill(SEEKER.phone);
    await chip(field('villageCode'), otherTown.name).click();
    const firstVillage = field('villageCode').locator('.rf-grid').nth(1).locator('.zg-chip').first();
    await firstVillage.waitFor();
    const villageName = (await firstVillage.innerText()).trim();
    await firstVillage.click();
    await field('villageCode').locator('.rf-picked', { hasText: `${otherTown.name} ${villageName}` }).waitFor();
    await chip(field('availability'), '兼职').click();
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await shownText('最后一步：您本人同意').waitFor();
    await shown('.rf-submit', { hasText: '同意并提交' }).click();
    await shown('.zg-error', { hasText: '请先勾选' }).waitFor();
    await shown('.rf-agree').click();
    const put = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/profile') && r.request().method() === 'PUT');
    await shown('.rf-submit', { hasText: '同意并提交' }).click();
    const res = await put;
    assert.ok(res.status() >= 200 && res.status() < 300, `PUT /me/profile answered ${res.status()}: ${await res.text()}`);
    assert.equal(res.request().postDataJSON().consent.method, 'self');
    await shown('.rv-title', { hasText: SEEKER.name }).waitFor();
    const text = await shown('.zg-page', { has: page.locator('.rv-title') }).innerText();
    assert.ok(text.includes(villageName) && text.includes('兼职') && text.includes('本人线上填写'), text);
    assert.ok(!text.includes(SEEKER.idNumber), 'the full 身份证号 is not shown');
    await page.waitForTimeout(1500); // the 已保存 toast goes away
    await h.fullShot('my-profile');
  });

  it('an admin opens the 人力资源地图 from their home and drills into a 镇街', STEP, async () => {
    await loginAs('管理员', '周科长');
    await page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await shown('.home-tools .zg-btn', { hasText: '人力资源地图' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/labor-map\/index/);
    const map = await h.getAsUser('/stats/labor');
    assert.equal(map.items.length, 11, 'one row per 镇街');
    const rows = shown('.lm-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 11);
    const totals = await shown('.lm-total').innerText();
    assert.ok(totals.includes(String(map.total.total)), 'the district total');
    const townRow = map.items.find((r) => r.code === town.code);
    const row = rows.filter({ hasText: town.name });
    const rowText = await row.innerText();
    assert.match(rowText, new RegExp(`共\\s*${townRow.total}\\s*人，求职中\\s*${townRow.byStatus.seeking}\\s*人`));
    // The widest bar is the 镇街 with the most people.
    const widths = await rows.locator('.lm-bar').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    const biggest = map.items.reduce((a, b) => (b.total > a.total ? b : a));
    assert.equal(widths.indexOf(Math.max(...widths)), map.items.indexOf(biggest));
    await h.fullShot('labor-map');

    await row.click();
    await page.waitForURL(new RegExp(`labor-map/index\\?regionCode=${town.code}`));
    const townMap = await h.getAsUser(`/stats/labor?regionCode=${town.code}`);
    const villageRows = shown('.lm-row');
    await villageRows.first().waitFor();
    const withPeople = townMap.items.filter((r) => r.total > 0);
    assert.equal(await villageRows.count(), withPeople.length, 'a bar for each 村居 with people');
    const nobody = townMap.items.filter((r) => r.total === 0);
    if (nobody.length > 0) {
      const line = shown('.lm-empty');
      await line.filter({ hasText: `另有 ${nobody.length} 个村居还没有登记居民` }).waitFor();
      assert.ok((await line.innerText()).includes(nobody[0].name), 'the others are named');
    }
    const mine = townMap.items.find((r) => r.code === village.code);
    assert.ok(mine && mine.total >= 1, 'the registered resident is counted in their 村居');
    await villageRows.filter({ hasText: village.name }).filter({ hasText: `共 ${mine.total} 人` }).waitFor();
    await h.fullShot('labor-map-town');
  });

  it('an admin verifying an employer presses 打电话 and gets the contact’s number for that call', STEP, async () => {
    await onCallPage('/packages/admin/pages/employers/index', async (p, oh) => {
      const card = oh.shown('.ev-card').first();
      await card.waitFor();
      const masked = await card.locator('.zg-call-btn').innerText();
      assert.match(masked, /^打电话 1\d\d\*{4}\d{4}$/);
      const called = p.waitForResponse((r) => /\/api\/v1\/employers\/[^/]+\/call$/.test(r.url()) && r.request().method() === 'POST');
      const url = p.url();
      await card.locator('.zg-call-btn').click();
      const res = await called;
      assert.equal(res.status(), 200);
      const { phone } = await res.json();
      assert.match(phone, /^1\d{10}$/);
      assert.equal(masked.slice(-4), phone.slice(-4), 'the number of the contact shown');
      await p.waitForTimeout(500);
      assert.equal(p.url(), url);
      await oh.shot('call-employer-verify');
      await oh.setLargeText(true);
      await oh.shown('.zg-large .ev-card .zg-call-btn').first().waitFor();
      assert.equal(await oh.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
      await oh.shot('call-employer-verify-large');
    });
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page');
    assert.deepEqual(failedApiCalls, [], 'API calls that failed or answered 5xx');
  });
});
