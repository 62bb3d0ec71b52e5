// Browser end-to-end test of 招聘活动 (春风行动, 职等你来, 直播带岗) on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/events.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots/events puts the screenshots there; E2E_H5_DIR serves a copy of the H5 build from
// elsewhere, so another build writing into dist meanwhile cannot pull chunks from under the running test.)
//
// A 镇街 officer (an admin of 桑村镇) creates a 春风行动 fair for tomorrow from 新建活动 (the 镇街 is fixed to
// theirs). The home's 本月活动 card lists it, and 全部活动 groups it under its day. A verified employer brings its
// published post (带岗位参加); the officer approves it with booth A12 on the event page. The villager's liaison
// signs her up (帮村民报名) and her ticket shows on her own phone (QR and the 8-character code). At the door the
// officer types that code, in lower case with a space (a browser cannot scan): she is in; the same code again
// says 已经入场 and changes nothing; a ticket of another event is refused in words. She applies at booth A12 in
// one tap (我要应聘 → the application carries the eventId); the employer moves it to 已入职 and she confirms
// (giving her 身份证号); the event's report shows 录用人数 1 and its workbook downloads. The detail page is shot
// in 大字模式 too.
/* global navigator -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
const TITLE = '2026年春风行动·桑村镇专场';
const ADDRESS = '桑村镇政府西广场';
const POST_TITLE = '编织袋车间普工';
const FIRM = '山亭区桑村镇宏达编织袋厂';
const VILLAGER = { name: '王秀英', phone: '13905472001', idNumber: idNumberOf('37040619780312002') };

const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);
const sheet = (title) => shown('.zg-sheet', { hasText: title });
const apiCall = (fragment, method = 'POST') => page.waitForResponse((r) => r.url().includes(`/api/v1${fragment}`) && r.request().method() === method);

/** The China date, `days` from today. */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
const TOMORROW = chinaDate(1);

let officer;
let districtAdmin;
let employer;
let liaison;
let seeker;
let village;
let postId = '';
let eventId = '';
let ticketCode = '';
let venueCode = '';
let otherEventId = '';

describe('招聘活动 in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    village = (await h.getJson(`/regions?parent=${SANGCUN}`)).items[0];

    districtAdmin = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    officer = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '桑村镇干部', regionCode: SANGCUN } });
    liaison = await call('POST', '/auth/dev-login', { body: { role: 'liaison', name: '刘书记', regionCode: village.code } });

    const boss = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙厂长' } });
    const firm = await call('POST', '/employers', {
      token: boss.token,
      body: { name: FIRM, creditCode: creditCodeOf('MA7G2E01'), industryCode: 'C', townCode: SANGCUN, address: '桑村镇工业园6号', contactName: '孙厂长', contactPhone: '13905462281' },
    });
    await call('POST', `/employers/${firm.id}/verify`, { token: districtAdmin.token, body: { approve: true } });
    employer = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙厂长', employerId: firm.id } });
    const post = await call('POST', '/posts', {
      token: employer.token,
      body: {
        title: POST_TITLE,
        occupationCode: '6-05-01',
        description: '编织袋车间里干活，男女不限，包午饭，不会的可以学。',
        skills: [],
        wageMin: 4000,
        wageMax: 5000,
        wageUnit: 'month',
        type: 'full_time',
        headcount: 5,
        townCode: SANGCUN,
        benefits: ['meals'],
      },
    });
    postId = post.id;
    await call('POST', `/posts/${postId}/review`, { token: districtAdmin.token, body: { approve: true } });

    // The villager: her own account with a record in the liaison's 村 (the quick first-time record).
    seeker = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: VILLAGER.name } });
    await call('POST', '/me/profile/quick', { token: seeker.token, body: { name: VILLAGER.name, phone: VILLAGER.phone, villageCode: village.code } });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the officer creates a fair in their 镇街 from 新建活动, reached from the admin home', STEP, async () => {
    await h.useSession(officer);
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-event-new', { hasText: '新建活动' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/event-form\/index/);
    await shown('#ef-title input').fill(TITLE);
    assert.equal((await shown('.ef-fixed').innerText()).trim(), '桑村镇', 'an officer’s fair is in their own 镇街');
    await shown('.zg-chip', { hasText: /^春风行动$/ }).click();
    await shown('.zg-sheet-option', { hasText: '现场招聘会' }).click();
    await shown('.zg-chip', { hasText: /^明天$/ }).first().click();
    await shown('.zg-chip', { hasText: /^上午9点$/ }).click();
    await shown('.zg-chip', { hasText: /^中午12点$/ }).click();
    await shown('#ef-address input').fill(ADDRESS);
    await shown('#ef-capacity input').fill('200');
    await shown('#ef-description textarea').fill('20多家企业现场招工，有普工、电焊、缝纫等岗位。带上身份证。');
    await shown('#ef-phone input').fill('0632-8811234');
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('events-form');

    const created = apiCall('/events');
    await shown('.ef-submit', { hasText: '发布活动' }).click();
    const res = await created;
    assert.equal(res.status(), 201);
    const body = res.request().postDataJSON();
    assert.equal(body.townCode, SANGCUN);
    assert.equal(body.series, 'chunfeng');
    assert.equal(body.kind, 'onsite');
    assert.equal(body.startsAt, `${TOMORROW}T09:00:00+08:00`);
    assert.equal(body.endsAt, `${TOMORROW}T12:00:00+08:00`);
    assert.equal(body.capacity, 200);
    eventId = (await res.json()).id;
    await page.waitForURL(new RegExp(`#/pages/events/detail/index\\?id=${eventId}`));
    await shown('.evd-title', { hasText: TITLE }).waitFor();
    await shown('.evd-when', { hasText: '明天' }).waitFor();
    assert.match(await shown('.evd-when').innerText(), /上午9点到中午12点/);
    await shown('.evd-manage', { hasText: '主办方管理' }).waitFor();
  });

  it('the home lists it under 本月活动, and 全部活动 groups it under its day', STEP, async () => {
    await h.useSession(seeker);
    await h.open('/pages/index/index');
    const card = shown('.ee', { hasText: '本月活动' });
    await card.waitFor();
    if (TOMORROW.slice(0, 7) === chinaDate().slice(0, 7)) {
      const item = card.locator('.ee-item', { hasText: TITLE });
      await item.waitFor();
      const text = await item.innerText();
      assert.match(text, /春风行动/);
      assert.match(text, /明天/);
      assert.match(text, /桑村镇/);
      assert.match(text, /未开始/);
    } else {
      await card.getByText('这个月没有招聘活动了').waitFor();
    }
    await h.shot('events-home');
    await card.locator('.ee-all', { hasText: '全部活动' }).click();
    await page.waitForURL(/#\/pages\/events\/index/);
    const day = shown('.evl-day', { hasText: TITLE });
    await day.waitFor();
    assert.match(await day.locator('.evl-day-title').innerText(), /^明天 \d+月\d+日 星期./);
    await day.locator('.ev-phase', { hasText: '未开始' }).waitFor();
    await h.shot('events-list');
    await day.locator('.ev-card', { hasText: TITLE }).click();
    await page.waitForURL(/#\/pages\/events\/detail\/index/);
    await shown('.evd-signup', { hasText: '报名参加' }).waitFor();
  });

  it('the employer brings its published post (带岗位参加) and waits for review', STEP, async () => {
    await h.useSession(employer);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-join', { hasText: '带岗位参加' }).click();
    const s = sheet('带哪些岗位去');
    await s.locator('.zg-sheet-option', { hasText: POST_TITLE }).click();
    const joined = apiCall(`/events/${eventId}/employers`);
    await s.locator('.evd-join-send', { hasText: '带1个岗位参加' }).click();
    const res = await joined;
    assert.equal(res.status(), 201);
    assert.deepEqual(res.request().postDataJSON(), { postIds: [postId] });
    await shown('.evd-mine-status', { hasText: '已提交，等主办方审核' }).waitFor();
    await h.shot('events-employer');
  });

  it('the officer approves it with booth A12 on the event page', STEP, async () => {
    await h.useSession(officer);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-pending-note', { hasText: '有1家企业等您审核' }).waitFor();
    const booth = shown('.evd-booth', { hasText: FIRM });
    await booth.locator('.evd-booth-status', { hasText: '待审核' }).waitFor();
    await booth.locator('.evd-approve', { hasText: '通过，给展位' }).click();
    const s = sheet(`通过${FIRM}？`);
    await s.locator('.cs-submit').click();
    await s.locator('.cs-error', { hasText: '请写上展位号' }).waitFor();
    await s.locator('.cs-line input').fill('a12');
    const reviewed = apiCall(`/events/${eventId}/employers/`);
    await s.locator('.cs-submit', { hasText: '通过' }).click();
    const res = await reviewed;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { approve: true, booth: 'A12' });
    await shown('.evd-booth', { hasText: FIRM }).locator('.evd-booth-no-text', { hasText: 'A12' }).waitFor();
    assert.equal(await shown('.evd-pending-note').count(), 0);
    await page.waitForTimeout(1500); // the 已通过 toast goes away
    await h.fullShot('events-organiser');
  });

  it('the liaison signs the villager up (帮村民报名)', STEP, async () => {
    await h.useSession(liaison);
    await h.open('/packages/liaison/pages/home/index');
    await shown('.lh-events-list', { hasText: '看招聘活动' }).click();
    await page.waitForURL(/#\/pages\/events\/index/);
    await shown('.ev-card', { hasText: TITLE }).click();
    await page.waitForURL(/#\/pages\/events\/detail\/index/);
    await shown('.evd-help', { hasText: '帮村民报名' }).click();
    const s = sheet('帮村民报名');
    await s.locator('.evd-help-search input').fill(VILLAGER.name);
    await s.locator('.evd-help-find').click();
    const person = s.locator('.evd-help-person', { hasText: VILLAGER.name });
    await person.waitFor();
    const signed = apiCall(`/events/${eventId}/signups`);
    await person.locator('.evd-help-go', { hasText: '报名' }).click();
    const res = await signed;
    assert.equal(res.status(), 201);
    const signup = await res.json();
    assert.equal(signup.status, 'registered');
    assert.equal(signup.byLiaison, true);
    ticketCode = signup.ticketCode;
    assert.match(ticketCode, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    await s.locator('.evd-help-done-title', { hasText: `✓ ${VILLAGER.name}报上了` }).waitFor();
    assert.equal((await s.locator('.evd-help-code').innerText()).replace(/\s/g, ''), ticketCode);
    await h.shot('events-liaison-signup');
    await s.locator('.zg-sheet-close').click();
    await shown('.evd-help-list', { hasText: '村民的电子票' }).click();
    await page.waitForURL(/#\/pages\/events\/mine\/index\?eventId=/);
    const theirs = shown('.mev-card', { hasText: TITLE });
    await theirs.locator('.et-name', { hasText: VILLAGER.name }).waitFor();
    assert.equal((await theirs.locator('.et-code').innerText()).replace(/\s/g, ''), ticketCode);
    await h.fullShot('events-liaison-tickets');
  });

  it('the villager sees her ticket: the QR and the 8-character code in big letters', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    const ticket = shown('.evd-ticket', { hasText: '我的电子票' });
    await ticket.waitFor();
    assert.equal((await ticket.locator('.et-code').innerText()).replace(/\s/g, ''), ticketCode);
    assert.ok((await h.fontSize(ticket.locator('.et-code'))) >= 36, 'the code is big');
    const qr = ticket.locator('.zg-qr-img img, img.zg-qr-img').first();
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/gif;base64,/);
    // The whole code inside its white square (a centred line around it once pushed half of it out).
    const [img, square] = [await qr.boundingBox(), await ticket.locator('.zg-qr').boundingBox()];
    assert.ok(img && square && img.x >= square.x - 1 && img.x + img.width <= square.x + square.width + 1, `the QR sits inside its square: ${JSON.stringify({ img, square })}`);
    await ticket.locator('.et-state', { hasText: '已报名，还没入场' }).waitFor();
    // H5 cannot scan: the venue's 6 digits can be typed instead.
    await ticket.locator('.evd-venue-input').waitFor();
    await h.fullShot('events-detail');
    await ticket.scrollIntoViewIfNeeded();
    await h.shot('events-ticket');

    // 我的活动 from 我的.
    await h.open('/pages/me/index');
    await shown('.me-events', { hasText: '我的活动' }).click();
    await page.waitForURL(/#\/pages\/events\/mine\/index/);
    const mine = shown('.mev-card', { hasText: TITLE });
    await mine.waitFor();
    assert.equal((await mine.locator('.et-code').innerText()).replace(/\s/g, ''), ticketCode);
    await mine.locator('.mev-when', { hasText: '明天' }).waitFor();
    await h.fullShot('events-mine');
  });

  it('staff check her in by typing the code; again says 已经入场; another event’s ticket is refused in words', STEP, async () => {
    // Another fair the same day, with her ticket for it (made through the API).
    const other = await call('POST', '/events', {
      token: officer.token,
      body: { title: '职等你来·户口村小型招聘会', series: 'zhidengnilai', kind: 'onsite', startsAt: `${TOMORROW}T14:00:00+08:00`, endsAt: `${TOMORROW}T16:00:00+08:00`, townCode: SANGCUN, address: '户口村村委会', description: '本村企业招工。' },
    });
    const otherTicket = await call('POST', `/events/${other.id}/signups`, { token: liaison.token, body: { residentId: (await call('GET', `/events/signups?eventId=${eventId}`, { token: liaison.token })).items[0].residentId } });

    await h.useSession(officer);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-door', { hasText: '验票入场' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/event-door\/index\?id=/);
    await shown('.ed-person', { hasText: VILLAGER.name }).locator('.ed-state', { hasText: '已报名，未入场' }).waitFor();

    const typed = `${ticketCode.slice(0, 4).toLowerCase()} ${ticketCode.slice(4).toLowerCase()}`;
    await shown('.ed-code-input input').fill(typed);
    assert.equal(await shown('.ed-code-input input').inputValue(), ticketCode, 'lower case and spaces are forgiven as typed');
    let checked = apiCall(`/events/${eventId}/check-in`);
    await shown('.ed-go', { hasText: '入场' }).click();
    let res = await checked;
    assert.equal(res.status(), 200);
    assert.deepEqual(res.request().postDataJSON(), { ticketCode });
    const first = await res.json();
    assert.ok(first.checkedInAt);
    await shown('.ed-result-in', { hasText: '✓ 可以进' }).locator('.ed-result-name', { hasText: VILLAGER.name }).waitFor();
    await shown('.ed-person', { hasText: VILLAGER.name }).locator('.ed-state', { hasText: '已入场' }).waitFor();
    await shown('.ed-count-in', { hasText: '1' }).waitFor();
    await shown('.ed-head').evaluate((el) => el.scrollIntoView());
    await h.fullShot('events-door');

    // The same ticket again: nothing changes, and the screen says so.
    await shown('.ed-code-input input').fill(ticketCode);
    checked = apiCall(`/events/${eventId}/check-in`);
    await shown('.ed-go').click();
    res = await checked;
    assert.equal(res.status(), 409);
    await shown('.ed-result-already', { hasText: '已经入场了' }).waitFor();
    const door = await call('GET', `/events/${eventId}/signups`, { token: officer.token });
    assert.equal(door.items[0].checkedInAt, first.checkedInAt, 'the first time stands');

    // A ticket of the other fair.
    await shown('.ed-code-input input').fill(otherTicket.ticketCode);
    checked = apiCall(`/events/${eventId}/check-in`);
    await shown('.ed-go').click();
    res = await checked;
    assert.ok([404, 409].includes(res.status()), `another event’s ticket: ${res.status()}`);
    await shown('.ed-result-bad', { hasText: '不能入场' }).getByText(/职等你来·户口村小型招聘会|不是本场/).waitFor();
    await h.shot('events-door-refused');

    // The code printed at the door: its QR and 6 digits, as the API gives them.
    await shown('.ed-venue-open .zg-btn', { hasText: '显示门口贴的入场码' }).click();
    const venue = await call('GET', `/events/${eventId}/venue-code`, { token: officer.token });
    const card = shown('.ed-venue');
    await card.locator('.ed-venue-code', { hasText: venue.code }).waitFor();
    const [img, square] = [await card.locator('.zg-qr-img img').boundingBox(), await card.locator('.zg-qr').boundingBox()];
    assert.ok(img && square && img.x >= square.x - 1 && img.x + img.width <= square.x + square.width + 1, 'the venue QR sits inside its square');
    await card.evaluate((el) => el.scrollIntoView());
    await h.shot('events-venue-code');
    venueCode = venue.code;
    otherEventId = other.id;
  });

  it('a venue code of another fair is refused in words when she types it', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/events/detail/index?id=${otherEventId}`);
    const ticket = shown('.evd-ticket', { hasText: '我的电子票' });
    await ticket.waitFor();
    await ticket.locator('.evd-venue-input input').fill(venueCode);
    const sent = apiCall(`/events/${otherEventId}/check-in`);
    await ticket.locator('.evd-venue-go', { hasText: '入场' }).click();
    const res = await sent;
    assert.equal(res.status(), 400);
    assert.deepEqual(res.request().postDataJSON(), { venueCode });
    await ticket.locator('.evd-venue-error', { hasText: '入场码不对' }).waitFor();
    assert.equal((await call('GET', `/events/signups?eventId=${otherEventId}`, { token: seeker.token })).items[0].checkedInAt, null, 'still not in');
  });

  it('she applies at booth A12 in one tap; the application carries the event', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-ticket .et-state-in', { hasText: '已入场' }).waitFor();
    const booth = shown('.evd-booth', { hasText: FIRM });
    await booth.locator('.evd-booth-no-text', { hasText: 'A12' }).waitFor();
    await booth.locator('.evd-apply', { hasText: '我要应聘' }).click();
    const s = sheet(`应聘「${POST_TITLE}」？`);
    await s.getByText('A12号展位').waitFor();
    await s.getByText(/我的投递/).waitFor();
    const applied = apiCall('/applications');
    await s.locator('.cs-submit', { hasText: '我要应聘' }).click();
    const res = await applied;
    assert.equal(res.status(), 201);
    assert.deepEqual(res.request().postDataJSON(), { postId, eventId });
    await booth.locator('.evd-applied', { hasText: '✓ 已应聘' }).waitFor();
    const app = await res.json();
    assert.equal(app.eventId, eventId);
  });

  it('the employer moves her to 已入职 and she confirms; the hire is verified', STEP, async () => {
    await h.useSession(employer);
    await h.open(`/packages/employer/pages/applicants/index?postId=${postId}`);
    const card = shown('.apc-card', { hasText: VILLAGER.name });
    await card.waitFor();
    // 录用 (asked once), then on its tab 已入职 with the first day (today).
    await card.locator('.apc-btn', { hasText: /^录用$/ }).click();
    let done = apiCall('/applications/', 'PATCH');
    await sheet(`录用${VILLAGER.name}？`).locator('.cs-submit').click();
    assert.equal((await done).status(), 200);
    await shown('.zg-chip', { hasText: '录用 1' }).click();
    await shown('.apc-card', { hasText: VILLAGER.name }).locator('.apc-btn', { hasText: /^已入职$/ }).click();
    const hired = sheet(`${VILLAGER.name}哪天开始上班？`);
    done = apiCall('/applications/', 'PATCH');
    await hired.locator('.as-submit', { hasText: '确定已入职' }).click();
    const res = await done;
    assert.equal(res.status(), 200);
    assert.equal((await res.json()).eventId, eventId, 'the application stays the event’s');

    await h.useSession(seeker);
    await h.open('/pages/applications/index');
    const mine = shown('.ac-card', { hasText: POST_TITLE });
    await mine.waitFor();
    await mine.locator('.zg-btn', { hasText: '确认已上班' }).click();
    const confirm = sheet('确认已经上班了？');
    await confirm.locator('.cs-line input').fill(VILLAGER.idNumber);
    const confirmed = page.waitForResponse((r) => /\/api\/v1\/hires\/[^/]+\/confirm$/.test(r.url()) && r.request().method() === 'POST');
    await confirm.locator('.cs-submit', { hasText: '确认已上班' }).click();
    const body = await (await confirmed).json();
    assert.equal(body.verified, true, 'both sides confirmed');
  });

  it('the report shows the six figures, 录用人数 1, per employer, and downloads its workbook', STEP, async () => {
    await h.useSession(officer);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-report', { hasText: '活动报表' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/event-report\/index\?id=/);
    const figure = async (label) => (await shown('.er-fig', { hasText: label }).locator('.er-fig-n').innerText()).replace(/\s/g, '');
    await shown('.er-fig', { hasText: '录用人数' }).waitFor();
    assert.equal(await figure('参会企业数'), '1家');
    assert.equal(await figure('提供岗位数'), '1个');
    assert.equal(await figure('招聘人数'), '5人');
    assert.equal(await figure('进场人数'), '1人');
    assert.equal(await figure('达成意向人数'), '1人');
    assert.equal(await figure('录用人数'), '1人');
    const row = shown('.er-tr', { hasText: FIRM });
    await row.getByText('A12号展位').waitFor();
    assert.equal((await row.locator('.er-td-hires').innerText()).trim(), '1');
    const report = await call('GET', `/events/${eventId}/report`, { token: officer.token });
    assert.equal(report.hires, 1);
    assert.equal(report.applications, 1);
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('events-report');

    const download = page.waitForEvent('download');
    await shown('.zg-download .zg-btn', { hasText: '下载报表' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await file.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx (zip) file');
    await shown('.zg-download-done').waitFor();
  });

  it('the season summary adds it up under 春风行动', STEP, async () => {
    await h.open('/packages/admin/pages/home/index');
    await shown('.home-event-summary', { hasText: '活动汇总' }).click();
    await page.waitForURL(/#\/packages\/admin\/pages\/event-summary\/index/);
    const card = shown('.es-card', { hasText: '春风行动' });
    await card.waitFor();
    assert.equal((await card.locator('.es-fig-hires .es-fig-n').innerText()).trim(), '1');
    await h.fullShot('events-summary');
  });

  it('a 直播带岗 event copies its link and says where to paste it (the mini-app cannot show another app’s stream)', STEP, async () => {
    const liveUrl = 'https://v.kuaishou.com/AbC123';
    const live = await call('POST', '/events', {
      token: officer.token,
      body: { title: '职等你来·直播带岗专场', series: '职等你来', kind: 'livestream', startsAt: `${TOMORROW}T19:00:00+08:00`, endsAt: `${TOMORROW}T21:00:00+08:00`, townCode: SANGCUN, liveUrl, livePlatform: 'kuaishou', description: '主播带您看车间、讲工资。' },
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.base });
    await h.useSession(null);
    await h.open(`/pages/events/detail/index?id=${live.id}`);
    await shown('.evd-title', { hasText: '直播带岗专场' }).waitFor();
    assert.equal(await shown('.evd-signup').count(), 0, 'no tickets for a stream');
    await shown('.evd-live-btn', { hasText: '去快手看直播' }).click();
    await shown('.evd-live-done', { hasText: '链接已经复制好了' }).getByText(/打开快手/).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), liveUrl);
    await h.fullShot('events-live');
  });

  it('大字模式 on the event page: bigger text, nothing off the side', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/events/detail/index?id=${eventId}`);
    await shown('.evd-title').waitFor();
    const normal = { title: await h.fontSize(shown('.evd-title')), when: await h.fontSize(shown('.evd-when')), apply: await h.fontSize(shown('.evd-post-title').first()) };
    await h.setLargeText(true);
    await shown('.zg-large .evd-title').waitFor();
    assert.ok((await h.fontSize(shown('.evd-title'))) >= normal.title * 1.2, 'the title is bigger');
    assert.ok((await h.fontSize(shown('.evd-when'))) >= normal.when * 1.2, 'the time is bigger');
    assert.ok((await h.fontSize(shown('.evd-post-title').first())) >= normal.apply * 1.2, 'the posts are bigger');
    assert.equal(await h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await h.fullShot('events-detail-large');
    await h.setLargeText(false);
  });

  it('no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
