// Browser end-to-end test of 政策找人 (issue 16) on the H5 build against the real API (demo data).
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/policies.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots/policies puts the screenshots there; E2E_H5_DIR serves a copy of the H5 build from
// elsewhere, so another build writing into dist meanwhile cannot pull chunks from under the running test.)
//
// A young woman of a 桑村镇 村 has her own record (大专, graduated 2025-07) and her liaison marks her 高校毕业生.
// 1. The district admin writes a policy in the form from the admin home: 重点人群 包含 高校毕业生, 毕业月数 不超过
//    24, 学历 不少于 大专; the form says how many qualify now (as POST /policies/preview answers) and publishes.
// 2. The seeker's home says 可能适合您的政策 1 项; the list shows the policy with 您是高校毕业生 and 毕业不到2年 as
//    green tags; its page says 您可能符合，因为：…, the benefit with 以人社部门公布为准 beside it, and 打电话 — also
//    in 大字模式, without scrolling sideways. 我的档案 shows her 毕业时间.
// 3. The liaison's 登记居民 form asks 毕业时间 only for 大专 and above or a 高校毕业生.
// 4. The liaison opens 政策找人 from the home (您村有 1 人可能符合), the list of the policy, and marks her 已告知
//    with a note; the 已告知 filter shows her, 未联系 does not.
// 5. The admin's 政策落实情况 shows 已告知 1 for the policy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, idNumberOf, launchBrowser, pageHelpers, startApi } from './support.mjs';

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
const TITLE = '高校毕业生到基层就业一次性补贴';
const BENEFIT = '一次性补贴1000元';
const PHONE = '0632-8811234';
const SEEKER = { name: '孙晓雨', phone: '13906321888', idNumber: idNumberOf('37040620030415002'), graduationDate: '2025-07' };
const RULES = [
  { field: 'keyGroups', op: 'contains', value: 'graduate' },
  { field: 'monthsSinceGraduation', op: 'lte', value: 24 },
  { field: 'education', op: 'gte', value: 'college' },
];

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
const apiCall = (fragment, method) => page.waitForResponse((r) => r.url().includes(`/api/v1${fragment}`) && r.request().method() === method);
/** China time with its offset, as the consent wants it. */
const nowWithOffset = () => `${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/** Asks `probe` every half second until it answers something truthy (a pass runs in the background). */
async function eventually(probe, what, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

let admin;
let liaison;
let seeker;
let village;
let residentId = '';
let policyId = '';

describe('政策找人 in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    village = (await h.getJson(`/regions?parent=${SANGCUN}`)).items[0];

    admin = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    liaison = await call('POST', '/auth/dev-login', { body: { role: 'liaison', name: '刘书记', regionCode: village.code } });
    seeker = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: SEEKER.name } });
    // Her own record: 大专, graduated 2025-07 …
    const mine = await call('PUT', '/me/profile', {
      token: seeker.token,
      body: {
        name: SEEKER.name,
        idNumber: SEEKER.idNumber,
        phone: SEEKER.phone,
        villageCode: village.code,
        education: 'college',
        graduationDate: SEEKER.graduationDate,
        skills: ['电脑'],
        desiredOccupations: ['4-06-01'],
        availability: ['full_time'],
        consent: { method: 'self', at: nowWithOffset() },
      },
    });
    residentId = mine.id;
    assert.equal(mine.graduationDate, SEEKER.graduationDate);
    // … and her liaison vouches that she is a 高校毕业生.
    const marked = await call('PATCH', `/residents/${residentId}`, { token: liaison.token, body: { keyGroups: ['graduate'] } });
    assert.deepEqual(marked.keyGroups, ['graduate']);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the district admin writes the policy as rules, sees how many qualify now, and publishes it', STEP, async () => {
    await h.useSession(admin);
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-policies').scrollIntoViewIfNeeded();
    await h.shot('policies-admin-home');
    await shown('.home-policy-new', { hasText: '新建政策' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/policy-form\/index/);

    await shown('#prf-title input').fill(TITLE);
    assert.equal(await shown('#prf-issuer input').inputValue(), '山亭区人力资源和社会保障局', 'the issuer is filled in');
    await shown('#prf-docNumber input').fill('山人社发〔2026〕8号');

    // The rules: one row per condition, picked from the shared lists.
    const addRule = async (label) => {
      await shown('.prf-add-rule').click();
      await shown('.zg-sheet-option', { hasText: label }).first().click();
      await shown('.zg-sheet').waitFor({ state: 'detached' });
    };
    await addRule('重点人群');
    const row1 = shown('.prf-rule').nth(0);
    assert.match(await row1.locator('.zg-chip-on').first().innerText(), /^包含$/, 'a list field starts with 包含');
    await row1.locator('.zg-chip', { hasText: /^高校毕业生$/ }).click();
    await addRule('毕业月数');
    const row2 = shown('.prf-rule').nth(1);
    assert.match(await row2.locator('.zg-chip-on').first().innerText(), /^不超过$/, 'a number field starts with 不超过');
    await row2.locator('.prf-number-input input').fill('24');
    assert.match(await row2.innerText(), /个月/, 'the number says its unit');
    await addRule('学历');
    const row3 = shown('.prf-rule').nth(2);
    assert.match(await row3.locator('.zg-chip-on').first().innerText(), /^不少于$/, '学历 starts with 不少于');
    await row3.locator('.zg-chip', { hasText: /^大专$/ }).click();

    // The live count, as POST /policies/preview answers for the same rules.
    const expected = await call('POST', '/policies/preview', { token: admin.token, body: { audience: 'person', rules: RULES } });
    assert.ok(expected.total >= 1, 'the graduate qualifies (with the demo’s)');
    const preview = shown('.prf-preview-done');
    await preview.waitFor();
    assert.equal((await preview.innerText()).trim(), expected.text);
    assert.match(expected.text, /^现在符合的有 \d+ 人/);
    assert.ok(expected.byTown.some((t) => t.code === SANGCUN && t.count >= 1), '桑村镇 counts her');

    await shown('#prf-summary textarea').fill('刚毕业两年内的大学生，在咱区找到工作的，可以领一次补贴。');
    await shown('#prf-benefit textarea').fill(BENEFIT);
    await shown('#prf-materials textarea').fill('身份证、毕业证、劳动合同');
    await shown('#prf-howToApply textarea').fill('带上材料，到镇便民服务中心人社窗口申请。');
    await shown('#prf-contactPhone input').fill(PHONE);
    await shown('#prf-sourceUrl input').fill('http://www.shanting.gov.cn/');
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('policies-admin-form');

    // 发布 asks first, repeating the count.
    await shown('.prf-publish', { hasText: '发布' }).click();
    const sheet = shown('.zg-sheet', { hasText: '发布这项政策？' });
    await sheet.waitFor();
    assert.ok((await sheet.innerText()).includes(expected.text), 'the confirmation repeats the count');
    const created = apiCall('/policies', 'POST');
    await sheet.locator('.cs-submit').click();
    const res = await created;
    assert.equal(res.status(), 201);
    const body = res.request().postDataJSON();
    assert.deepEqual(body.rules, RULES);
    assert.equal(body.audience, 'person');
    assert.equal(body.draft, false);
    assert.equal(body.contactPhone, PHONE);
    policyId = (await res.json()).id;
    await page.waitForURL(/#\/pages\/policies\/detail\/index/);
    await shown('.pd-title', { hasText: TITLE }).waitFor();
    await shown('.pd-manage', { hasText: '已发布' }).waitFor();
  });

  it('the seeker sees 可能适合您的政策 on her home, the reasons as green tags, and the policy’s page', STEP, async () => {
    const mine = await call('GET', '/me/policies', { token: seeker.token });
    const item = mine.items.find((x) => x.policy.id === policyId);
    assert.deepEqual(item?.reasons.slice(0, 2), ['您是高校毕业生', '毕业不到2年']);

    await h.useSession(seeker);
    await h.open('/pages/index/index');
    const entry = shown('.pe-mine');
    await entry.waitFor();
    assert.match(await entry.innerText(), new RegExp(`可能适合您的政策 ${mine.items.length} 项`));
    await h.shot('policies-seeker-home');
    await entry.click();
    await page.waitForURL(/#\/pages\/policies\/index/);

    const card = shown('.pl-mine .pc', { hasText: TITLE });
    await card.waitFor();
    const tags = await card.locator('.pc-reason').allInnerTexts();
    assert.ok(tags.some((t) => t.includes('您是高校毕业生')), `tags: ${tags.join(' / ')}`);
    assert.ok(tags.some((t) => t.includes('毕业不到2年')), `tags: ${tags.join(' / ')}`);
    assert.equal(await shown('.pl-mine .pc').count(), mine.items.length);
    await h.fullShot('policies-seeker-list');
    await card.click();

    await page.waitForURL(/#\/pages\/policies\/detail\/index/);
    const yours = shown('.pd-yours');
    await yours.waitFor();
    const why = await yours.innerText();
    assert.match(why, /您可能符合，因为：/);
    assert.match(why, /您是高校毕业生/);
    assert.match(why, /毕业不到2年/);
    assert.equal((await shown('.pd-disclaimer').innerText()).trim(), '以人社部门公布为准');
    assert.equal((await shown('.pd-benefit').innerText()).trim(), BENEFIT);
    const rules = await shown('.pd-rule').allInnerTexts();
    assert.equal(rules.length, 3, 'each rule in words under 适合谁');
    assert.ok(rules.some((r) => r.includes('重点人群包含高校毕业生')), rules.join(' / '));
    assert.match(await shown('.pd-call').innerText(), new RegExp(`打电话问\\s*${PHONE}`));
    assert.equal(await h.scrollsSideways(), false);
    // The disclaimer is small, but not tiny (30 design px, 15 CSS px on this phone).
    assert.ok((await h.fontSize(shown('.pd-disclaimer'))) >= 14);
    await h.fullShot('policies-seeker-detail');

    // 大字模式: bigger text, the disclaimer still readable, nothing cut off sideways.
    const normalTitle = await h.fontSize(shown('.pd-title'));
    const normalNote = await h.fontSize(shown('.pd-disclaimer'));
    await h.setLargeText(true);
    await shown('.zg-large .pd-yours').waitFor();
    assert.ok((await h.fontSize(shown('.pd-title'))) > normalTitle * 1.2);
    assert.ok((await h.fontSize(shown('.pd-disclaimer'))) > normalNote * 1.2);
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('policies-seeker-detail-large');
    await h.setLargeText(false);

    // 我的档案 shows her 毕业时间.
    await h.open('/pages/profile/index');
    await shown('.zg-card', { hasText: '登记的信息' }).waitFor();
    assert.match(await shown('.zg-card', { hasText: '登记的信息' }).innerText(), /毕业时间\s*2025年7月/);
  });

  it('the resident form asks 毕业时间 only of 大专 and above, or of a 高校毕业生', STEP, async () => {
    await h.useSession(liaison);
    await h.open('/packages/liaison/pages/resident-form/index');
    const education = shown('#rf-education');
    await education.waitFor();
    assert.equal(await shown('#rf-graduationDate').count(), 0);
    await education.locator('.zg-chip', { hasText: /^大专$/ }).click();
    await shown('#rf-graduationDate', { hasText: '选毕业的年月' }).waitFor();
    await education.locator('.zg-chip', { hasText: /^高中$/ }).click();
    await shown('#rf-graduationDate').waitFor({ state: 'detached' });
    await shown('#rf-keyGroups .zg-chip', { hasText: '高校毕业生' }).click();
    await shown('#rf-graduationDate').waitFor();
  });

  it('the liaison sees 您村有 1 人可能符合, and marks the villager 已告知', STEP, async () => {
    // The pass after publishing runs in the background: wait for her row.
    await eventually(async () => (await call('GET', `/policies/${policyId}/eligible`, { token: liaison.token })).items.some((x) => x.subjectId === residentId), 'her row on the policy’s list');
    const stats = (await call('GET', '/stats/policies', { token: liaison.token })).items.find((s) => s.policyId === policyId);
    assert.equal(stats?.eligible, 1, 'one villager of this 村 qualifies');

    await h.open('/packages/liaison/pages/home/index');
    await shown('.lh-policies').scrollIntoViewIfNeeded();
    await h.shot('policies-liaison-home');
    await shown('.lh-policies-btn').click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/policies\/index/);
    const row = shown('.lp-row', { hasText: TITLE });
    await row.waitFor();
    await row.locator('.lp-count', { hasText: '您村有 1 人可能符合' }).waitFor();
    await h.fullShot('policies-liaison-policies');
    await row.locator('.lp-go').click();

    await page.waitForURL(/#\/packages\/liaison\/pages\/policy-people\/index/);
    await shown('.pp-policy', { hasText: TITLE }).waitFor();
    const person = shown('.pp-row', { hasText: SEEKER.name });
    await person.waitFor();
    assert.equal((await person.locator('.pp-status').innerText()).trim(), '未联系');
    const reasons = await person.locator('.pp-reasons .zg-tag').allInnerTexts();
    // The API's reasons, about her ("您是…" read as "TA是…" by the liaison).
    assert.ok(reasons.some((t) => t.includes('TA是高校毕业生')) && reasons.some((t) => t.includes('毕业不到2年')), reasons.join(' / '));
    assert.ok(await person.locator('.pp-call .zg-btn', { hasText: '打电话' }).isVisible(), 'a call to her, through the audited call');
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('policies-liaison-list');

    await person.locator('.pp-record').click();
    const sheet = shown('.zg-sheet', { hasText: `记一下：${SEEKER.name}` });
    await sheet.waitFor();
    await sheet.locator('.zg-sheet-option', { hasText: '已告知' }).click();
    await sheet.locator('.pp-note textarea').fill('电话说了，下周一带材料去镇上办');
    await h.shot('policies-liaison-sheet');
    const saved = apiCall(`/policies/${policyId}/outreach/${residentId}`, 'PUT');
    await sheet.locator('.pp-save').click();
    const res = await saved;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { outreach: 'told', note: '电话说了，下周一带材料去镇上办' });
    await shown('.pp-row', { hasText: SEEKER.name }).locator('.pp-status', { hasText: '已告知' }).waitFor();
    assert.match(await shown('.pp-row', { hasText: SEEKER.name }).innerText(), /备注：电话说了/);

    // The filters: 已告知 shows her, 未联系 nobody.
    await shown('.pp-filters .zg-chip', { hasText: /^未联系$/ }).click();
    await shown('.zg-state-title', { hasText: '没有“未联系”的村民' }).waitFor();
    await shown('.pp-filters .zg-chip', { hasText: /^已告知$/ }).click();
    await shown('.pp-row', { hasText: SEEKER.name }).waitFor();
    await h.shot('policies-liaison-told');

    // 大字模式: the buttons stack, nothing cut off sideways.
    await h.setLargeText(true);
    await shown('.zg-large .pp-row', { hasText: SEEKER.name }).waitFor();
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('policies-liaison-list-large');
    await h.setLargeText(false);
  });

  it('the admin’s 政策落实情况 shows 已告知 1', STEP, async () => {
    await h.useSession(admin);
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-policy-stats').click();
    await page.waitForURL(/#\/packages\/admin\/pages\/policy-stats\/index/);
    const card = shown('.ps-card', { hasText: TITLE });
    await card.waitFor();
    const stats = (await call('GET', '/stats/policies', { token: admin.token })).items.find((s) => s.policyId === policyId);
    assert.equal(stats?.told, 1);
    assert.equal((await card.locator('.ps-step-told .ps-num').innerText()).trim(), '1');
    assert.equal((await card.locator('.ps-step-eligible .ps-num').innerText()).trim(), String(stats.eligible));
    assert.equal((await card.locator('.ps-step-received .ps-num').innerText()).trim(), '0');
    const fold = card.locator('.ps-towns-open');
    if (await fold.count()) await fold.click();
    const town = card.locator('.ps-town', { hasText: '桑村镇' });
    assert.match(await town.innerText(), /已告知\s*1/);
    await h.fullShot('policies-admin-stats');
  });

  it('left no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
