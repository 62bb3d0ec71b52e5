// Browser end-to-end test of accounts on a NEW installation without the development login (issue 12),
// on the H5 build against the real API run as in production.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at
// /usr/bin/chromium. Run from the repository root:  node --test apps/miniapp/e2e/accounts.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots puts the screenshots there instead of dist/screenshots/).
//
// The API runs with NODE_ENV=production, no AUTH_DEV_LOGIN, its own JWT_SECRET and DATA_KEY, no demo
// data, and an SMS gateway played by a small HTTP server of this test that records every text, so
// the test reads the login codes from it. `npm run admin:create -- --name 张三` prints the first admin's
// one-time code. Three devices, each its own browser context:
// 1. the admin's phone: logs in by SMS code, enters the code under 我的 → 我有邀请码, sets up two-factor
//    (the TOTP computed here with otplib from the secret the page shows), invites a liaison for a 村居;
// 2. the liaison's phone (大字模式): opens the invitation link, logs in by SMS, accepts, registers a
//    resident; later, disabled by the admin in 用户管理, is sent back to the login page;
// 3. a PC: opens 扫码登录; the admin's phone opens the QR's link and approves; the PC asks for the
//    TOTP and lands on the admin home. An expired access token is refreshed once for all the calls
//    that got a 401, and 退出登录 ends the session on the server.
/* global localStorage -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import { ROOT, STEP, idNumberOf, launchBrowser, newBrowserPage, pageHelpers, startApi } from './support.mjs';

const ADMIN = { name: '张三', phone: '13800001111' };
const LIAISON = { name: '李书记', phone: '13900002222' };
const RESIDENT = { name: '韩春梅', idNumber: idNumberOf('37040619710315386'), phone: '13905467788' };

/** @type {Awaited<ReturnType<typeof startApi>> | undefined} */
let api;
/** @type {import('playwright-core').Browser | undefined} */
let browser;
/** @type {Array<{ name: string, pageErrors: string[], failedApiCalls: string[] }>} */
const devices = [];
let dataDir = '';

/** The SMS gateway: records `{ to, text }` of every message. */
const texts = [];
let smsServer;

/** One device: its page and the helpers bound to it. */
async function device(name, options) {
  const d = options === 'first' ? await launchBrowser() : await newBrowserPage(browser, options);
  if (options === 'first') browser = d.browser;
  devices.push({ name, pageErrors: d.pageErrors, failedApiCalls: d.failedApiCalls });
  const h = pageHelpers(d.page, api.base);
  return { page: d.page, h, shown: h.shown, shownText: h.shownText };
}

/** Polls `check` until it answers a value, or fails after `ms`. */
async function eventually(what, check, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    assert.ok(Date.now() < until, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The 6-digit code in the newest text to `phone` sent after `since` messages. */
const smsCode = (phone, since) =>
  eventually(`an SMS code to ${phone}`, () => texts.slice(since).reverse().find((m) => m.to === phone)?.text.match(/\d{6}/)?.[0]);

let lastTotpStep = -1;
/** The authenticator's current code; waits for the next 30 s step when this one was used already (no replays). */
async function totp(secret) {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= lastTotpStep) {
    await new Promise((r) => setTimeout(r, (lastTotpStep + 1) * 30_000 - Date.now() + 300));
    step = Math.floor(Date.now() / 30_000);
  }
  lastTotpStep = step;
  return generateSync({ secret });
}

/** SMS login on the login page of device `d` (fields, the countdown, the code from the gateway). */
async function smsLogin(d, phone, shotName) {
  const card = d.shown('.login-sms');
  await card.waitFor();
  await card.locator('.login-phone input').fill(phone);
  const before = texts.length;
  const sent = d.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sms/send'));
  await card.locator('.login-send').click();
  assert.equal((await sent).status(), 200);
  await card.locator('.login-send', { hasText: /^\d+秒后重发$/ }).waitFor();
  await card.locator('.login-sent', { hasText: `${phone.slice(0, 3)}****${phone.slice(7)}` }).waitFor();
  await card.locator('.login-sms-code input').fill(await smsCode(phone, before));
  if (shotName) await d.h.shot(shotName);
  await card.locator('.login-sms-submit').click();
}

let admin; // the admin's phone
let liaison; // the liaison's phone
let pc; // a PC browser
let adminCode = '';
let totpSecret = '';
let liaisonCode = '';
let town;
let village;

describe('accounts on a new installation without the development login', () => {
  before(async () => {
    smsServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        texts.push({ ...JSON.parse(body), auth: req.headers.authorization });
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    await new Promise((r) => smsServer.listen(0, '127.0.0.1', r));
    dataDir = mkdtempSync(join(tmpdir(), 'zaogong-accounts-'));
    const env = {
      NODE_ENV: 'production',
      AUTH_DEV_LOGIN: undefined,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_KEY: randomBytes(32).toString('hex'),
      DATABASE_URL: `sqlite:${join(dataDir, 'accounts.sqlite')}`,
      SEED_DEMO: 'false',
      SMS_API_URL: `http://127.0.0.1:${smsServer.address().port}/send`,
      SMS_API_KEY: 'e2e-sms-key',
      // Three people log in from the same 127.0.0.1 within a minute here; the per-IP login limit is
      // for the internet, not for this test.
      RATE_LIMIT_LOGIN_PER_MIN: '200',
    };
    api = await startApi(env);

    // The new installation's first admin, as README says: the command prints the code on its last line.
    const run = spawnSync('npm', ['run', '--silent', 'admin:create', '--', '--name', ADMIN.name], {
      cwd: ROOT,
      env: { ...Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)), SKIP_BUILD: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, `admin:create failed: ${run.stderr}\n${run.stdout}`);
    adminCode = run.stdout.trim().split('\n').at(-1).trim();
    assert.match(adminCode, /^[A-Z0-9]{6,12}$/, `the last line is the code: ${run.stdout}`);

    admin = await device('admin phone', 'first');
    liaison = await device('liaison phone');
    pc = await device('PC', { desktop: true });
    const towns = (await admin.h.getJson('/regions?parent=370406')).items;
    town = towns[0];
    village = (await admin.h.getJson(`/regions?parent=${town.code}`)).items[0];
    assert.ok(village, 'the regions are there on a new installation');
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    await new Promise((r) => (smsServer ? smsServer.close(r) : r()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the login page offers the SMS code and 扫码登录, and no development login', STEP, async () => {
    await admin.h.open('/pages/login/index');
    await admin.shown('.login-sms').waitFor();
    assert.equal(await admin.shown('.login-role').count(), 0, 'no role picker');
    assert.equal(await admin.shown('.login-dev').count(), 0, 'no development login');
    await admin.shown('.login-pc', { hasText: '在电脑上？扫码登录' }).waitFor();
    await admin.shown('.login-send', { hasText: '获取验证码' }).waitFor();

    // A wrong number is caught on the page.
    await admin.shown('.login-phone input').fill('1380000');
    await admin.shown('.login-send').click();
    await admin.shown('.login-sms .zg-error', { hasText: '手机号应为11位数字' }).waitFor();
    await admin.shown('.login-phone input').fill('');
    await admin.h.shot('accounts-login');
    await admin.h.setLargeText(true);
    await admin.shown('.zg-large .login-sms').waitFor();
    assert.equal(await admin.h.scrollsSideways(), false, 'no horizontal scroll in 大字模式');
    await admin.h.fullShot('accounts-login-large');
    await admin.h.setLargeText(false);
  });

  it('the admin logs in by SMS, enters the code from admin:create and is sent to set up two-factor', STEP, async () => {
    await smsLogin(admin, ADMIN.phone);
    // A first SMS login makes a seeker account: the public post list.
    await admin.page.waitForURL(/#\/pages\/index\/index/);
    const session = await admin.h.currentSession();
    assert.ok(session.refreshToken, 'the refresh token is stored');
    assert.equal(session.user.role, 'seeker');
    assert.equal(texts[0].auth, 'Bearer e2e-sms-key', 'the gateway is called with its key');

    await admin.h.open('/pages/me/index');
    await admin.shown('.me-invitation .zg-btn', { hasText: '我有邀请码' }).waitFor();
    await admin.h.fullShot('accounts-me');
    await admin.shown('.me-invitation .zg-btn', { hasText: '我有邀请码' }).click();
    await admin.page.waitForURL(/#\/pages\/invitation\/index/);
    const input = admin.shown('.inv-code input');
    await input.fill('WRONG234');
    await admin.shown('.inv-submit').click();
    await admin.shown('.zg-error').waitFor();
    await input.fill(adminCode.toLowerCase());
    await admin.h.shot('accounts-invitation');
    await admin.shown('.inv-submit').click();
    await admin.page.waitForURL(/#\/packages\/admin\/pages\/mfa-setup\/index/);
    const user = (await admin.h.currentSession()).user;
    assert.equal(user.role, 'admin');
    assert.equal(user.name, ADMIN.name);
    assert.equal(user.regionCode, null, 'a district admin');
    assert.equal(user.mfaEnabled, false);
  });

  it('两步验证: the QR of otpauth://, the secret in groups of four, and a first code', STEP, async () => {
    await admin.shown('.mfa-secret').waitFor();
    await admin.h.setLargeText(true);
    await admin.shown('.zg-large .mfa-secret').waitFor();
    await admin.h.fullShot('accounts-mfa-setup-large');
    await admin.h.setLargeText(false); // a reload: a new secret replaces the one shown before

    const secretShown = admin.shown('.mfa-secret');
    await secretShown.waitFor();
    const grouped = (await secretShown.innerText()).trim();
    assert.match(grouped, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, `groups of four: ${grouped}`);
    totpSecret = grouped.replace(/\s/g, '');
    const qr = admin.shown('.zg-qr img');
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/gif;base64,/);
    assert.ok(((await qr.boundingBox())?.width ?? 0) > 120, 'the QR is big enough to scan');
    await admin.h.fullShot('accounts-mfa-setup');

    await admin.shown('.totp-input input').fill('000000');
    await admin.shown('.mfa-submit').click();
    await admin.shown('.zg-error').waitFor();
    await admin.shown('.totp-input input').fill(await totp(totpSecret));
    await admin.shown('.mfa-submit').click();
    await admin.page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await admin.shownText(`您好，${ADMIN.name}`).waitFor();
    const { user } = await admin.h.currentSession();
    assert.equal(user.mfaEnabled, true);
    assert.equal(user.mfaVerified, true);
  });

  it('邀请联络员/干部: the admin invites a liaison for a 村居 and gets the code big, a QR and its expiry', STEP, async () => {
    const accounts = admin.shown('.home-accounts');
    await accounts.waitFor();
    await accounts.locator('.zg-btn', { hasText: '邀请联络员/干部' }).click();
    await admin.page.waitForURL(/#\/packages\/admin\/pages\/invite\/index/);
    await admin.shown('.iv-kind').first().waitFor();
    assert.deepEqual(await admin.shown('.iv-kind-label').allInnerTexts(), ['联络员', '镇街干部', '区级管理员']);
    await admin.shown('.iv-submit').click();
    await admin.shown('.zg-field-error', { hasText: '请选择镇街' }).waitFor();
    await admin.shown('.zg-chip', { hasText: new RegExp(`^${town.name}$`) }).click();
    await admin.shown('.iv-scope', { hasText: `${town.name}（整个镇街）` }).waitFor();
    await admin.shown('.zg-chip', { hasText: '选村居 ▾' }).click();
    await admin.shown('.zg-sheet-option').first().waitFor();
    await admin.h.shot('accounts-invite-village-sheet');
    await admin.shown('.zg-sheet-option', { hasText: new RegExp(`^${village.name}`) }).first().click();
    await admin.shown('.zg-chip-on', { hasText: `${village.name} ▾` }).waitFor();
    await admin.shown('.iv-scope', { hasText: `${town.name} ${village.name}` }).waitFor();
    await admin.shown('.iv-name input').fill(LIAISON.name);
    await admin.h.fullShot('accounts-invite-form');

    const made = admin.page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/invitations'));
    await admin.shown('.iv-submit').click();
    const res = await made;
    assert.equal(res.status(), 201);
    assert.deepEqual(res.request().postDataJSON(), { role: 'liaison', regionCode: village.code, name: LIAISON.name });
    const body = await res.json();
    liaisonCode = body.code;
    await admin.shown('.iv-code', { hasText: liaisonCode }).waitFor();
    await admin.shown('.iv-created', { hasText: `邀请 ${LIAISON.name} 做${village.name}的联络员` }).waitFor();
    await admin.shown('.iv-expires', { hasText: '前有效，只能用一次' }).waitFor();
    assert.match((await admin.shown('.zg-qr img').getAttribute('src')) ?? '', /^data:image\/gif;base64,/);
    await admin.h.fullShot('accounts-invite-created');

    // In 大字模式, a 镇街干部 this time.
    await admin.h.setLargeText(true);
    await admin.shown('.zg-large .iv-kind', { hasText: '镇街干部' }).click();
    await admin.shown('.zg-chip', { hasText: new RegExp(`^${town.name}$`) }).click();
    await admin.shown('.iv-name input').fill('周干事');
    await admin.h.fullShot('accounts-invite-form-large');
    const officer = admin.page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/invitations'));
    await admin.shown('.iv-submit').click();
    assert.deepEqual((await officer).request().postDataJSON(), { role: 'admin', regionCode: town.code, name: '周干事' });
    await admin.shown('.iv-created', { hasText: `做${town.name}的镇街干部` }).waitFor();
    assert.equal(await admin.h.scrollsSideways(), false);
    await admin.h.fullShot('accounts-invite-created-large');
    await admin.h.setLargeText(false);
  });

  it('the liaison opens the invitation link, logs in by SMS, and is a liaison of the 村居 at once', STEP, async () => {
    await liaison.h.open('/pages/me/index');
    await liaison.h.setLargeText(true);
    // The link of the invitation's QR code.
    await liaison.h.open(`/pages/invitation/index?code=${liaisonCode}`);
    await liaison.shown('.zg-large .zg-card', { hasText: '请先登录' }).waitFor();
    await liaison.h.shot('accounts-invitation-logged-out-large');
    await liaison.shown('.inv-login').click();
    await liaison.page.waitForURL(/#\/pages\/login\/index\?redirect=/);
    await smsLogin(liaison, LIAISON.phone, 'accounts-login-sms-large');
    // Back on the invitation, the code filled in from the link.
    await liaison.page.waitForURL(/#\/pages\/invitation\/index/);
    const input = liaison.shown('.inv-code input');
    await input.waitFor();
    assert.equal(await input.inputValue(), liaisonCode);
    await liaison.h.shot('accounts-invitation-large');
    await liaison.shown('.inv-submit').click();
    await liaison.page.waitForURL(/#\/packages\/liaison\/pages\/home\/index/);
    await liaison.shownText(`您好，${LIAISON.name}`).waitFor();
    await liaison.shown('.zg-card', { hasText: '负责范围' }).filter({ hasText: village.name }).waitFor();
    const { user } = await liaison.h.currentSession();
    assert.equal(user.role, 'liaison');
    assert.equal(user.regionCode, village.code);

    // The code was for one use.
    const again = await fetch(`${api.apiBase}/auth/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await admin.h.currentSession()).token}` },
      body: JSON.stringify({ code: liaisonCode }),
    });
    assert.ok(again.status >= 400 && again.status < 500, `a used code is refused (${again.status})`);
  });

  it('the liaison registers a resident of their 村居', STEP, async () => {
    const { page, shown } = liaison;
    await liaison.h.open('/packages/liaison/pages/resident-form/index');
    await shown('#rf-villageCode', { hasText: village.name }).waitFor();
    await shown('.rf-input-name input').fill(RESIDENT.name);
    await shown('.rf-input-id input').fill(RESIDENT.idNumber);
    await shown('.rf-input-phone input').fill(RESIDENT.phone);
    await shown('#rf-availability .zg-chip', { hasText: /全职$/ }).click();
    await shown('.rf-submit', { hasText: '下一步' }).click();
    await shown('.rf-method', { hasText: '口头同意' }).click();
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/residents') && r.request().method() === 'POST');
    await shown('.rf-submit', { hasText: '本人已同意' }).click();
    const res = await created;
    assert.equal(res.status(), 201, `POST /residents answered ${res.status()}: ${await res.text()}`);
    assert.equal(res.request().postDataJSON().villageCode, village.code);
    await page.waitForURL(/#\/packages\/liaison\/pages\/resident\/index\?id=/);
    await shown('.rv-title', { hasText: RESIDENT.name }).waitFor();
  });

  it('用户管理 lists the accounts with role, region, masked phone and last login', STEP, async () => {
    await admin.h.open('/packages/admin/pages/users/index');
    const row = admin.shown('.us-row', { hasText: LIAISON.name });
    await row.waitFor();
    const text = await row.innerText();
    for (const s of ['联络员', village.name, `${LIAISON.phone.slice(0, 3)}****${LIAISON.phone.slice(7)}`, '最近登录']) {
      assert.ok(text.includes(s), `the row shows ${s}: ${text}`);
    }
    assert.doesNotMatch(text, /还没有登录过/);
    const me = admin.shown('.us-row', { hasText: ADMIN.name });
    assert.match(await me.innerText(), /两步验证已设置/);
    assert.match(await me.innerText(), /我自己/);
    assert.equal(await me.locator('.us-disable').count(), 0, 'no 停用 on one\'s own account');

    const filtered = admin.page.waitForResponse((r) => r.url().includes('/api/v1/admin/users?role=liaison'));
    await admin.shown('.us-filters .zg-chip', { hasText: /^联络员$/ }).click();
    await filtered;
    await admin.shown('.us-row', { hasText: LIAISON.name }).waitFor();
    assert.equal(await admin.shown('.us-row', { hasText: ADMIN.name }).count(), 0);
    await admin.h.fullShot('accounts-users');
    await admin.h.setLargeText(true);
    await admin.shown('.zg-large .us-row', { hasText: LIAISON.name }).waitFor();
    assert.equal(await admin.h.scrollsSideways(), false);
    await admin.h.fullShot('accounts-users-large');
    await admin.h.setLargeText(false);
  });

  it('扫码登录: the PC shows a QR, the admin\'s phone opens its link and approves, the PC gives the TOTP', STEP, async () => {
    await pc.h.open('/pages/login/index');
    const ticketMade = pc.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/qr') && r.request().method() === 'POST');
    await pc.shown('.login-pc').click();
    await pc.page.waitForURL(/#\/pages\/qr-login\/index/);
    const qr = await (await ticketMade).json();
    assert.match(qr.qrText, /\/#\/pages\/scan-login\/index\?ticket=/);
    await pc.shown('.zg-qr img').waitFor();
    await pc.shown('.ql-status', { hasText: '等待手机确认' }).waitFor();
    assert.match((await pc.shown('.zg-qr img').getAttribute('src')) ?? '', /^data:image\/gif;base64,/);
    await pc.h.shot('accounts-qr-login-pc');

    // The phone opens the QR's link (what its camera or 扫一扫 reads).
    await admin.page.goto(qr.qrText);
    await admin.shown('.sl-question', { hasText: '在电脑上登录 枣工快递？' }).waitFor();
    await admin.shown('.sl-who', { hasText: `${ADMIN.name}（管理员）` }).waitFor();
    await admin.h.shot('accounts-scan-login');
    await admin.h.setLargeText(true);
    await admin.shown('.zg-large .sl-approve').waitFor();
    await admin.h.shot('accounts-scan-login-large');
    await admin.h.setLargeText(false);
    const approved = admin.page.waitForResponse((r) => r.url().endsWith('/approve'));
    await admin.shown('.sl-approve').click();
    assert.equal((await approved).status(), 200);
    await admin.shown('.sl-done', { hasText: '电脑已登录' }).waitFor();
    await admin.h.shot('accounts-scan-login-done');

    // The PC is logged in as the admin and asks for the second factor of this new session.
    await pc.page.waitForURL(/#\/packages\/admin\/pages\/mfa\/index/, { timeout: 20_000 });
    await pc.shown('.totp-input input').waitFor();
    await pc.h.shot('accounts-mfa-pc');
    await pc.shown('.totp-input input').fill('123456');
    await pc.shown('.mfa-submit').click();
    await pc.shown('.zg-error').waitFor();
    await pc.h.setLargeText(true);
    await pc.shown('.zg-large .totp-input').waitFor();
    await pc.h.shot('accounts-mfa-pc-large');
    await pc.h.setLargeText(false);
    await pc.shown('.totp-input input').fill(await totp(totpSecret));
    await pc.shown('.mfa-submit').click();
    await pc.page.waitForURL(/#\/packages\/admin\/pages\/home\/index/);
    await pc.shownText(`您好，${ADMIN.name}`).waitFor();
    await pc.h.shot('accounts-admin-home-pc');
  });

  it('an expired access token: one refresh for every call that got a 401, the new pair stored', STEP, async () => {
    const before = await pc.h.currentSession();
    const refreshes = [];
    const onRequest = (r) => {
      if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r);
    };
    pc.page.on('request', onRequest);
    // An access token that no longer passes (as after 2 h), with the session's refresh token still good.
    await pc.page.evaluate(() => localStorage.setItem('zg.token', JSON.stringify({ data: 'expired.access.token' })));
    await pc.h.open('/packages/admin/pages/home/index');
    await pc.shownText(`您好，${ADMIN.name}`).waitFor();
    await pc.shown('.overview-card').waitFor();
    await pc.shown('.home-employment .zg-card-title').waitFor();
    await pc.page.waitForLoadState('networkidle');
    pc.page.off('request', onRequest);
    assert.equal(refreshes.length, 1, 'one refresh, shared by the calls that got a 401');
    const after = await pc.h.currentSession();
    assert.notEqual(after.token, 'expired.access.token');
    assert.notEqual(after.refreshToken, before.refreshToken, 'the refresh token was rotated and the new one stored');
    assert.ok(pc.page.url().includes('/packages/admin/pages/home/index'), 'still on the admin home');
  });

  it('退出登录 on the PC ends the session on the server', STEP, async () => {
    const { refreshToken } = await pc.h.currentSession();
    await pc.h.open('/pages/me/index');
    const out = pc.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
    await pc.shown('.me-logout').click();
    assert.equal((await out).status(), 204);
    await pc.shown('.me-name', { hasText: '您还没有登录' }).waitFor();
    const res = await fetch(`${api.apiBase}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    assert.equal(res.status, 401, 'the refresh token of the ended session no longer works');
  });

  it('停用: the admin disables the liaison with a reason, whose phone is sent to log in; 启用 again', STEP, async () => {
    await admin.h.open('/packages/admin/pages/users/index');
    const row = admin.shown('.us-row', { hasText: LIAISON.name });
    await row.locator('.us-disable').click();
    const sheet = admin.shown('.zg-sheet', { hasText: `停用 ${LIAISON.name} 的账号` });
    await sheet.waitFor();
    await sheet.locator('.cs-submit').click();
    await sheet.locator('.zg-error', { hasText: '请写明停用原因' }).waitFor();
    await sheet.locator('.cs-preset', { hasText: '已离职' }).click();
    await admin.h.shot('accounts-users-disable');
    const disabled = admin.page.waitForResponse((r) => r.url().endsWith('/disable'));
    await sheet.locator('.cs-submit').click();
    assert.equal((await disabled).status(), 200);
    await row.locator('.us-badge', { hasText: '已停用' }).waitFor();
    await row.locator('.us-reason', { hasText: '停用原因：已离职' }).waitFor();

    // The liaison's next request: the account is disabled, the session is over.
    const refused = liaison.page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await liaison.h.open('/packages/liaison/pages/residents/index');
    // The refresh is refused too, and its reason is what the person reads.
    const refusal = await refused;
    assert.equal(refusal.status(), 401);
    const { message } = await refusal.json();
    await liaison.page.getByText(message).first().waitFor();
    await liaison.page.waitForURL(/#\/pages\/login\/index/);
    assert.equal(await liaison.page.evaluate(() => localStorage.getItem('zg.token')), null, 'the session was dropped');

    await row.locator('.us-enable').click();
    const enabled = admin.page.waitForResponse((r) => r.url().endsWith('/enable'));
    await admin.shown('.zg-sheet', { hasText: '启用账号？' }).locator('.cs-submit', { hasText: '启用' }).click();
    assert.equal((await enabled).status(), 200);
    await row.locator('.us-disable').waitFor();
    assert.equal(await row.locator('.us-badge', { hasText: '已停用' }).count(), 0);
  });

  it('had no page errors and no failed API calls', () => {
    for (const d of devices) {
      assert.deepEqual(d.pageErrors, [], `uncaught errors on the ${d.name}`);
      assert.deepEqual(d.failedApiCalls, [], `API calls that failed or answered 5xx on the ${d.name}`);
    }
  });
});
