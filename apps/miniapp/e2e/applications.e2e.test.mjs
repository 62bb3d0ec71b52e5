// Browser end-to-end test of applications and hires (投递 → 已入职 → 确认 → 新增就业) on the H5 build
// against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/applications.e2e.test.mjs
//
// The demo employer 鑫达塑编 invites the demo 电焊 worker 张建国 from 推荐人选; as a visitor he taps 我要报名
// on its 塑编拉丝工 post, logs in, is asked name, phone and 村 (a first time), links his account to the record his
// village made instead, and applies in two taps. In 我的投递 he accepts the invitation. The employer takes him
// through 已查看 → 面试 → 录用 → 已入职 on 报名的人; his village liaison applies for him to one more post,
// then confirms the hire; the district's new employment goes up by one; and he sees the whole timeline.
// Screenshots go to dist/screenshots/applications-*.png.
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
/** Two posts of the demo employer 枣庄鑫达塑编有限公司: he applies to one and is invited to the other. */
const APPLY_POST = '塑编拉丝工';
const INVITE_POST = '电焊工（设备维修）';
const PLACE = '西集镇工业园鑫达塑编厂办公室';

const shown = (selector, options) => h.shown(selector, options);
const shownText = (text) => h.shownText(text);
/** The act button of the confirm sheet titled `title` (ConfirmSheet: big in 大字模式, unlike a modal). */
const sheetSubmit = (title) => shown('.zg-sheet', { hasText: title }).locator('.cs-submit');

const call = (method, path, options) => h.call(method, path, options);

const useSession = (session) => h.useSession(session);

async function loginAs(roleLabel, name, picks = []) {
  await h.goToLogin();
  await h.pickRoleAndName(roleLabel, name);
  for (const label of picks) await shown('.zg-chip', { hasText: new RegExp(`^${label}$`) }).click();
  await shownText(`以${roleLabel}身份登录`).click();
}

/** Now as ISO 8601 with an offset, as the consent time is sent. */
function nowWithOffset() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The device's date as YYYY-MM-DD (the browser runs on the same machine). */
function localDate(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function findPost(title) {
  const { items } = await h.getJson(`/posts?q=${encodeURIComponent(title)}&limit=50`);
  const post = items.find((p) => p.title === title);
  assert.ok(post, `the demo data has ${title}`);
  return post;
}

describe('applications and hires in Chromium against the real API', () => {
  let applyPost;
  let invitePost;
  let employerSession;
  let adminToken;
  let countBefore;
  const year = Number(localDate().slice(0, 4));

  before(async () => {
    api = await startApi();
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    applyPost = await findPost(APPLY_POST);
    invitePost = await findPost(INVITE_POST);
    assert.equal(applyPost.employer.id, invitePost.employer.id, 'both posts are one employer’s');
    employerSession = await call('POST', '/auth/dev-login', {
      body: { role: 'employer', name: '王经理', employerId: applyPost.employer.id },
    });
    adminToken = (await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } })).token;
    countBefore = (await call('GET', `/stats/employment?year=${year}`, { token: adminToken })).count;
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the employer invites him from 推荐人选', STEP, async () => {
    await useSession(employerSession);
    await h.open(`/packages/employer/pages/candidates/index?postId=${invitePost.id}`);
    await shown('.cd-title', { hasText: INVITE_POST }).waitFor();
    const card = shown('.cc-card', { hasText: '张**' }).first();
    await card.waitFor();
    const invite = card.locator('.cd-invite', { hasText: /^邀请报名$/ });
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/applications/invitations'));
    await invite.click();
    assert.equal((await sent).status(), 201);
    await card.locator('.cd-invited', { hasText: '已邀请，对方接受后就能看到电话' }).waitFor();
    await h.shot('applications-invite');
    // On the next visit it still says so: nobody is invited twice.
    await page.reload();
    await shown('.cc-card', { hasText: '张**' }).first().locator('.cd-invited', { hasText: '已邀请' }).waitFor();
  });

  it('a visitor taps 我要报名, logs in, and comes back to the question, which asks name, phone and 村 the first time', STEP, async () => {
    await useSession(null);
    await h.open(`/pages/post/index?id=${applyPost.id}`);
    await shown('.post-title', { hasText: APPLY_POST }).waitFor();
    const bar = shown('.post-action');
    await bar.getByText('报名前要先登录').waitFor();
    await bar.locator('.post-apply', { hasText: '我要报名' }).click();
    await page.waitForURL(/#\/pages\/login\/index\?redirect=/);
    await h.pickRoleAndName('求职者', WELDER.name);
    await shownText('以求职者身份登录').click();
    await page.waitForURL(/#\/pages\/post\/index/);

    // Back on the post the question he came for is asked at once, with the three things a first time needs.
    const sheet = shown('.zg-sheet', { hasText: '把您的姓名和电话发给企业？' });
    await sheet.waitFor();
    await sheet.getByText('您住在哪个村').waitFor();
    assert.equal(await sheet.locator('#apply-name input').inputValue(), WELDER.name, 'the name is filled in from the login');
    assert.doesNotMatch(await sheet.innerText(), /身份证号\s*$/m, 'no 身份证号 asked before the first application');
    await h.shot('applications-first-time');
    // He has a record in his village already: this time he lets his account be linked to it instead.
    await sheet.locator('.zg-btn', { hasText: '先不报' }).click();
    await sheet.waitFor({ state: 'detached' });
  });

  it('with his record linked he applies in two taps, and the post says 已报名 after a reload', STEP, async () => {
    // The 身份证号 links this account to the record the village made (as 我的档案 does).
    const { villageCode, ...rest } = WELDER;
    await call('PUT', '/me/profile', {
      token: await h.browserToken(),
      body: { ...rest, villageCode, consent: { method: 'self', at: nowWithOffset() } },
    });

    await h.open(`/pages/post/index?id=${applyPost.id}`);
    await shown('.post-title', { hasText: APPLY_POST }).waitFor();
    await shown('.post-action .post-apply', { hasText: /^我要报名$/ }).click(); // tap one
    const sheet = shown('.zg-sheet', { hasText: '把您的姓名和电话发给企业？' });
    await sheet.waitFor();
    assert.match(await sheet.innerText(), /企业会看到您的姓名、电话/);
    await h.shot('applications-apply-sheet');
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/applications') && r.request().method() === 'POST');
    await sheet.locator('.apply-confirm').click(); // tap two
    assert.equal((await sent).status(), 201);
    await shown('.post-applied-title', { hasText: '✓ 已报名' }).waitFor();
    await shown('.post-action').getByText('企业看到后会打电话给您，请留意来电').waitFor();
    await h.shot('applications-applied');

    const mine = await h.getAsUser(`/applications?postId=${applyPost.id}`);
    assert.equal(mine.items.length, 1);
    assert.equal(mine.items[0].status, 'applied');
    assert.equal(mine.items[0].source, 'self');

    await page.reload();
    await shown('.post-applied-title', { hasText: '✓ 已报名' }).waitFor();
    assert.equal(await shown('.post-action .post-apply').count(), 0, 'no second 我要报名');
  });

  it('in 我的投递 he accepts the invitation', STEP, async () => {
    await h.open('/pages/me/index');
    await shown('.me-applications', { hasText: '我的投递' }).click();
    await page.waitForURL(/#\/pages\/applications\/index/);
    const invited = shown('.ac-card', { hasText: INVITE_POST });
    await invited.waitFor();
    await invited.getByText('企业邀请您报名').waitFor();
    const applied = shown('.ac-card', { hasText: APPLY_POST });
    await applied.locator('.ac-status', { hasText: '已投递' }).waitFor();
    await h.fullShot('applications-mine-invited');

    const patched = page.waitForResponse((r) => r.url().includes('/api/v1/applications/') && r.request().method() === 'PATCH');
    await invited.locator('.ac-btn', { hasText: /^接受邀请$/ }).click();
    assert.equal((await patched).status(), 200);
    await shown('.ac-card', { hasText: INVITE_POST }).locator('.ac-status', { hasText: '已投递' }).waitFor();
  });

  it('the employer sees 报名的人 on its post and moves him to 已入职', STEP, async () => {
    await useSession(employerSession);
    await h.open('/packages/employer/pages/home/index');
    await shown('.zg-chip', { hasText: /^已发布/ }).first().click();
    const card = shown('.mp-card', { hasText: APPLY_POST });
    await card.waitFor();
    const people = card.locator('.mp-applicants');
    await people.filter({ hasText: '报名的人 1' }).waitFor();
    assert.match(await people.innerText(), /1个新的/);
    await card.scrollIntoViewIfNeeded();
    await h.shot('applications-employer-post');
    await people.click();
    await page.waitForURL(/#\/packages\/employer\/pages\/applicants\/index\?postId=/);

    await shown('.apl-title', { hasText: APPLY_POST }).waitFor();
    await shown('.zg-chip-on', { hasText: '新投递 1' }).waitFor();
    const person = shown('.apc-card', { hasText: WELDER.name });
    await person.waitFor();
    const text = await person.innerText();
    assert.ok(text.includes(WELDER.phone), 'the employer sees the phone of someone who applied');
    assert.ok(text.includes('电焊'), 'and the skills');
    assert.ok(!text.includes('返乡农民工') && !text.includes('优先推荐'), 'never the key group (sensitive; staff only)');
    assert.match(text, /男 · \d+岁/);
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.shot('applications-employer-new');

    const patchDone = () => page.waitForResponse((r) => r.url().includes('/api/v1/applications/') && r.request().method() === 'PATCH');
    // 标记已查看
    let done = patchDone();
    await person.locator('.apc-btn', { hasText: '标记已查看' }).click();
    assert.equal((await done).status(), 200);
    await shown('.zg-chip', { hasText: '已查看 1' }).click();

    // 约面试: a sheet with the day, the hour and the place; the time is required.
    await shown('.apc-card', { hasText: WELDER.name }).locator('.apc-btn', { hasText: '约面试' }).click();
    const sheet = shown('.zg-sheet', { hasText: `约${WELDER.name}面试` });
    await sheet.waitFor();
    await sheet.locator('.zg-chip', { hasText: /^明天$/ }).click();
    await sheet.locator('.as-submit').click();
    await sheet.locator('.zg-error', { hasText: '请选面试的时间' }).waitFor();
    await sheet.locator('.zg-chip', { hasText: /^上午9点$/ }).click();
    await sheet.locator('.as-place input').fill(PLACE);
    await h.shot('applications-interview-sheet');
    done = patchDone();
    await sheet.locator('.as-submit', { hasText: '确定约面试' }).click();
    const res = await done;
    assert.equal(res.status(), 200);
    const body = res.request().postDataJSON();
    assert.equal(body.status, 'interview');
    assert.equal(body.interviewPlace, PLACE);
    assert.ok(body.interviewAt.startsWith(`${localDate(1)}T09:00:00`), `interview tomorrow at 9: ${body.interviewAt}`);
    await shown('.zg-chip', { hasText: '面试 1' }).click();
    const interviewing = shown('.apc-card', { hasText: WELDER.name });
    await interviewing.locator('.apc-strong', { hasText: /上午9:00/ }).waitFor();
    await interviewing.locator('.apc-strong', { hasText: PLACE }).waitFor();
    await h.shot('applications-employer-interview');

    // 录用, asked once.
    await interviewing.locator('.apc-btn', { hasText: /^录用$/ }).click();
    done = patchDone();
    await sheetSubmit(`录用${WELDER.name}？`).click();
    assert.equal((await done).status(), 200);
    await shown('.zg-chip', { hasText: '录用 1' }).click();

    // 已入职: the first working day, today unless changed.
    await shown('.apc-card', { hasText: WELDER.name }).locator('.apc-btn', { hasText: /^已入职$/ }).click();
    const hired = shown('.zg-sheet', { hasText: `${WELDER.name}哪天开始上班？` });
    await hired.waitFor();
    await hired.locator('.zg-chip-on', { hasText: /^今天$/ }).waitFor();
    done = patchDone();
    await hired.locator('.as-submit', { hasText: '确定已入职' }).click();
    const hiredRes = await done;
    assert.equal(hiredRes.status(), 200);
    assert.equal(hiredRes.request().postDataJSON().startDate, localDate());
    await shown('.zg-chip', { hasText: '已入职 1' }).click();
    const done2 = shown('.apc-card', { hasText: WELDER.name });
    await done2.getByText(/等待本人或村里联络员确认后计入新增就业/).waitFor();
    assert.equal(await done2.locator('.apc-btn').count(), 0, 'nothing more to do after 已入职');
    // Playwright's hit test sees Taro's pull-to-refresh wrapper over this line (a mouse click there works).
    await done2.locator('.apc-latest').dispatchEvent('click'); // the whole way, folded out
    await done2.locator('.at-step').nth(4).waitFor();
    await h.fullShot('applications-employer-hired');

    const stats = await call('GET', `/stats/employment?year=${year}`, { token: adminToken });
    assert.equal(stats.count, countBefore, 'not counted before the person’s side confirms');
  });

  it('his liaison applies for him to one more post, then confirms the hire', STEP, async () => {
    const town = (await h.getJson('/regions?parent=370406')).items.find((t) => WELDER.villageCode.startsWith(t.code));
    const village = (await h.getJson(`/regions?parent=${town.code}`)).items.find((v) => v.code === WELDER.villageCode);
    await loginAs('联络员', '刘书记', [town.name, village.name]);
    await page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    assert.equal(await shown('.zg-soon-item', { hasText: '登记就业' }).count(), 0, '登记就业 is no longer 即将开放');
    assert.equal(await shown('.zg-soon-item', { hasText: '帮居民报名' }).count(), 0, '帮居民报名 is no longer 即将开放');

    // 为TA找工作: posts he applied to say so; 帮TA报名 on another one.
    const { items } = await h.getAsUser(`/residents?q=${encodeURIComponent(WELDER.name)}`);
    const resident = items.find((r) => r.name === WELDER.name);
    assert.ok(resident);
    await h.open(`/packages/liaison/pages/matches/index?residentId=${resident.id}`);
    await shown('.rm-name', { hasText: `为${WELDER.name}找工作` }).waitFor();
    const cards = shown('.post-card');
    await cards.first().waitFor();
    await shown('.post-card', { hasText: INVITE_POST }).locator('.ha-done', { hasText: '已报名' }).waitFor();
    const other = shown('.post-card', { has: page.locator('.ha-btn') }).first();
    const otherTitle = await other.locator('.post-card-title').innerText();
    await other.locator('.ha-btn', { hasText: '帮TA报名' }).click();
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/v1/applications') && r.request().method() === 'POST');
    await sheetSubmit(`帮${WELDER.name}报名？`).click();
    const res = await applied;
    assert.equal(res.status(), 201);
    assert.equal(res.request().postDataJSON().residentId, resident.id);
    await shown('.post-card', { hasText: otherTitle }).locator('.ha-done', { hasText: '已报名 · 已投递' }).waitFor();
    assert.match(page.url(), /matches\/index/, 'the tap did not open the post');
    await h.fullShot('applications-liaison-matches');

    // 录用确认和村民投递, from the home.
    await h.open('/packages/liaison/pages/home/index');
    await shown('.zg-btn', { hasText: '录用确认和村民投递' }).click();
    await page.waitForURL(/#\/packages\/liaison\/pages\/hires\/index/);
    const hire = shown('.lh-hire', { hasText: WELDER.name });
    await hire.waitFor();
    const hireText = await hire.innerText();
    assert.ok(hireText.includes('枣庄鑫达塑编有限公司') && hireText.includes(APPLY_POST), hireText);
    assert.match(hireText, /企业：✓ 已确认/);
    await shown('.ac-card', { hasText: otherTitle }).waitFor();
    await h.shot('applications-liaison-hires');
    await hire.locator('.lh-confirm', { hasText: '确认已上班' }).click();
    const confirmed = page.waitForResponse((r) => r.url().includes('/confirm') && r.request().method() === 'POST');
    await sheetSubmit(`${WELDER.name}已经上班了？`).click();
    const body = await (await confirmed).json();
    assert.equal(body.verified, true, 'both sides confirmed: verified');
    await shownText('现在没有要确认的录用。').waitFor();
    const appCard = shown('.ac-card', { hasText: APPLY_POST });
    await appCard.locator('.ac-status', { hasText: '已入职' }).waitFor();
    await h.fullShot('applications-liaison-confirmed');
  });

  it('the district counts one more new employment', STEP, async () => {
    const stats = await call('GET', `/stats/employment?year=${year}`, { token: adminToken });
    assert.equal(stats.count, countBefore + 1);
    const resident = (await call('GET', `/residents?q=${encodeURIComponent(WELDER.name)}`, { token: adminToken })).items.find(
      (r) => r.name === WELDER.name,
    );
    assert.equal(resident.status, 'employed', 'a verified hire sets the status to 已就业');
  });

  it('he sees the whole way in 我的投递, the interview in bold', STEP, async () => {
    await loginAs('求职者', WELDER.name);
    await page.waitForURL(/#\/pages\/index\/index/);
    await h.open('/pages/applications/index');
    const card = shown('.ac-card', { hasText: APPLY_POST });
    await card.waitFor();
    await card.locator('.ac-status', { hasText: '已入职' }).waitFor();
    const titles = await card.locator('.at-title').allInnerTexts();
    assert.deepEqual(titles, ['已入职', '录用', '约面试', '已查看', '投递'], 'newest first');
    await card.locator('.at-strong', { hasText: /上午9:00/ }).waitFor();
    await card.locator('.at-strong', { hasText: PLACE }).waitFor();
    assert.match(await card.innerText(), /王经理（企业）/, 'says who moved it');
    assert.equal(await card.locator('.ac-withdraw').count(), 0, 'nothing to withdraw once hired');
    const open = shown('.ac-card', { hasText: INVITE_POST });
    await open.locator('.ac-withdraw', { hasText: '撤回报名' }).waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll');
    await h.fullShot('applications-mine');
    await h.setLargeText(true);
    await shown('.zg-large .ac-card').first().waitFor();
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.shot('applications-mine-large');
    await h.setLargeText(false);
  });

  it('had no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
