// Shared pieces of the browser tests: start the real API on a free port with demo data, launch a
// phone-sized Chromium, and small helpers to drive Taro's H5 pages. Not a test file itself
// (node --test only picks up *.test.mjs).
/* global document, getComputedStyle, localStorage, window -- used inside page.evaluate() callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const H5_DIR = join(ROOT, 'dist/apps/miniapp/h5');
/** Where screenshots go: dist/screenshots, or E2E_SHOTS_DIR when set (e.g. /tmp/shots to look at them). */
export const SHOTS = process.env.E2E_SHOTS_DIR || join(ROOT, 'dist/screenshots');
export const CHROMIUM = '/usr/bin/chromium';
export const STEP = { timeout: 90_000 };

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => res(port));
    });
  });
}

/**
 * `node scripts/start-api.mjs` on a free port with a fresh SQLite file and the demo data, serving
 * the H5 build at `/`. Resolves once /health answers. `extraEnv` adds or overrides settings (e.g.
 * SMS_API_URL for a test of failed deliveries); a setting given as `undefined` is removed (e.g.
 * `AUTH_DEV_LOGIN: undefined` for an installation without the development login).
 */
export async function startApi(extraEnv = {}) {
  assert.ok(existsSync(join(H5_DIR, 'index.html')), `no H5 build in ${H5_DIR}; run npm run build:h5 first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'zaogong-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dataDir, 'e2e.sqlite')}`,
    SEED_DEMO: 'true',
    AUTH_DEV_LOGIN: 'true',
    H5_DIR,
    NODE_ENV: 'development',
    ...extraEnv,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, ['scripts/start-api.mjs'], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole group can be stopped
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      let sent = true;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        sent = false;
      }
      if (sent) {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000);
        await exited;
        clearTimeout(timer);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  const url = `${base}/api/v1/health`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the API exited with code ${child.exitCode} before it was ready:\n${log.slice(-4000)}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`the API did not answer ${url} within 120 s:\n${log.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, apiBase: `${base}/api/v1`, stop, log: () => log };
}

/** Headless Debian Chromium as a 390 × 844 phone; records page errors and failed API calls. */
export async function launchBrowser({ tour = false } = {}) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; apt-get install -y chromium fonts-wqy-zenhei`);
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, ...(await newBrowserPage(browser, { tour })) };
}

/**
 * Another person's device in the same browser: its own context (storage, cookies), a 390 × 844 phone,
 * or with `desktop` a 1280 × 900 PC; records page errors and failed API calls like launchBrowser.
 */
export async function newBrowserPage(browser, { desktop = false, tour = false } = {}) {
  const context = await browser.newContext({
    viewport: desktop ? { width: 1280, height: 900 } : { width: 390, height: 844 },
    deviceScaleFactor: desktop ? 1 : 2,
    isMobile: !desktop,
    hasTouch: !desktop,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  // The first-use tour (components/FirstTour) covers each role's home the first time: marked as seen,
  // unless a test asks to see it ({ tour: true }).
  if (!tour) {
    await context.addInitScript(() => {
      try {
        for (const role of ['seeker', 'employer', 'liaison', 'admin']) localStorage.setItem(`zg.tour.${role}`, JSON.stringify({ data: true }));
      } catch {
        // about:blank has no storage
      }
    });
  }
  const page = await context.newPage();
  const pageErrors = [];
  const failedApiCalls = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('response', (res) => {
    if (res.url().includes('/api/v1/') && res.status() >= 500) {
      failedApiCalls.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // ERR_ABORTED is the page itself cancelling (a test's page.goto while a call was under way).
    if (req.url().includes('/api/v1/') && !error.includes('ERR_ABORTED')) failedApiCalls.push(`failed ${req.method()} ${req.url()}: ${error}`);
  });
  return { page, pageErrors, failedApiCalls };
}

/** Helpers bound to one page of the H5 app served at `base`. */
export function pageHelpers(page, base) {
  const apiBase = `${base}/api/v1`;

  /** Elements of the page on screen (Taro keeps earlier pages of the stack hidden in the DOM). */
  const shown = (selector, options) => page.locator(selector, options).filter({ visible: true });
  const shownText = (text) => page.getByText(text, { exact: true }).filter({ visible: true }).first();

  /** A full load of one route (the query string forces a real reload, not just a hash change). */
  const open = (route) => page.goto(`${base}/?at=${Date.now()}#${route}`);

  async function shot(name) {
    await page.waitForTimeout(400); // let toasts and transitions settle
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  /**
   * The whole page, not just the first screen: Taro's H5 pages scroll inside their own element, so
   * the viewport is made as tall as that content for the shot (fixed bars then sit at its bottom).
   */
  async function fullShot(name) {
    await page.waitForTimeout(400);
    const viewport = page.viewportSize();
    const height = await page.evaluate(() => {
      let tallest = document.documentElement.scrollHeight;
      for (const el of document.querySelectorAll('body *')) {
        if (el.scrollHeight <= el.clientHeight + 2 || el.getClientRects().length === 0) continue;
        if (!/(auto|scroll)/.test(getComputedStyle(el).overflowY)) continue;
        tallest = Math.max(tallest, el.scrollHeight + (window.innerHeight - el.clientHeight));
      }
      return tallest;
    });
    if (!viewport || height <= viewport.height) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      return;
    }
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 8000) });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200);
  }

  const fontSize = (locator) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  async function getJson(path) {
    const res = await fetch(`${apiBase}${path}`);
    assert.equal(res.status, 200, `GET ${path} answered ${res.status}`);
    return res.json();
  }

  /** The token the browser is logged in with (Taro's H5 storage wraps values as `{ data }`). */
  async function browserToken() {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('zg.token') ?? 'null')?.data);
    assert.ok(typeof token === 'string' && token.length > 0, 'the browser holds a token');
    return token;
  }

  /** GET as the user logged in in the browser, with the same bearer token. */
  async function getAsUser(path) {
    const res = await fetch(`${apiBase}${path}`, { headers: { Authorization: `Bearer ${await browserToken()}` } });
    assert.equal(res.status, 200, `GET ${path} as the browser's user answered ${res.status}`);
    return res.json();
  }

  /** A call to the API, with a bearer token when given; answers the parsed body after checking it was 2xx. */
  async function call(method, path, { token, body } = {}) {
    const res = await fetch(`${apiBase}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  /**
   * Puts a session (a login answer: `{ token, refreshToken?, user }`) into the browser's storage, as a login
   * would (the login page offers no employer pick), or clears it with null. Leaves the page on 我的.
   */
  async function useSession(session) {
    await open('/pages/me/index');
    await page.evaluate((s) => {
      if (s) {
        localStorage.setItem('zg.token', JSON.stringify({ data: s.token }));
        localStorage.setItem('zg.user', JSON.stringify({ data: s.user }));
        if (s.refreshToken) localStorage.setItem('zg.refresh', JSON.stringify({ data: s.refreshToken }));
        else localStorage.removeItem('zg.refresh');
      } else {
        localStorage.removeItem('zg.token');
        localStorage.removeItem('zg.user');
        localStorage.removeItem('zg.refresh');
      }
    }, session);
  }

  /** The browser's current session as `{ token, user }`, to come back to later with useSession. */
  const currentSession = () =>
    page.evaluate(() => ({
      token: JSON.parse(localStorage.getItem('zg.token') ?? 'null')?.data,
      refreshToken: JSON.parse(localStorage.getItem('zg.refresh') ?? 'null')?.data,
      user: JSON.parse(localStorage.getItem('zg.user') ?? 'null')?.data,
    }));

  /** Turns 大字模式 on or off the way the 我的 switch stores it, and reloads. */
  async function setLargeText(on) {
    await page.evaluate((v) => {
      if (v) localStorage.setItem('zg.largeText', JSON.stringify({ data: true }));
      else localStorage.removeItem('zg.largeText');
    }, on);
    await page.reload();
  }

  /** From anywhere: 我的 → 切换角色 → the login page. */
  async function goToLogin() {
    await open('/pages/me/index');
    const switchRole = shownText('切换角色');
    if (await switchRole.isVisible().catch(() => false)) {
      await switchRole.click();
    } else {
      await shown('.zg-btn', { hasText: /^登录$/ }).first().click();
    }
    await page.waitForURL(/#\/pages\/login\/index/);
    await shown('.login-role').first().waitFor();
  }

  /**
   * Taps a tab of the tab bar and waits until that tab is the selected one. Right after a log-in the
   * app is still re-launching its home, and a tap then can be lost: it taps again (up to 5 times).
   */
  async function tab(label) {
    const item = shown('.weui-tabbar__item', { hasText: label });
    const selected = page.locator('.weui-tabbar__item.weui-bar__item_on', { hasText: label });
    for (let i = 0; i < 5; i += 1) {
      await item.click();
      if (await selected.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return;
    }
    throw new Error(`the tab ${label} did not open`);
  }

  async function pickRoleAndName(roleLabel, name) {
    await shown('.login-role', { hasText: roleLabel }).click();
    // The name field of the development login (the SMS login's fields may be on the page too).
    const input = shown('.login-name input');
    await input.fill(name);
  }

  /** Whether the page scrolls sideways (it never should on a phone). */
  const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  return {
    apiBase,
    shown,
    shownText,
    open,
    shot,
    fullShot,
    fontSize,
    getJson,
    browserToken,
    getAsUser,
    call,
    useSession,
    currentSession,
    setLargeText,
    goToLogin,
    pickRoleAndName,
    scrollsSideways,
    tab,
  };
}

// GB 11643 身份证号 and GB 32100 统一社会信用代码: the same arithmetic as libs/shared/src/validators, written
// again here because the browser tests are plain Node ESM and do not compile the TypeScript library.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A full 身份证号 from its 17-digit body (area, birth date YYYYMMDD, sequence; odd sequence = male). */
export function idNumberOf(body) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}

/** A valid 统一社会信用代码 of a 山亭区 company (91 + 370406) with the organisation code `orgBase` + its check. */
export function creditCodeOf(orgBase) {
  let orgSum = 0;
  for (let i = 0; i < 8; i++) {
    const c = orgBase[i];
    orgSum += (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55) * ORG_WEIGHTS[i];
  }
  const orgCheck = 11 - (orgSum % 11);
  const body = `91370406${orgBase}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body[i]) * CREDIT_WEIGHTS[i];
  const check = 31 - (sum % 31);
  return body + CREDIT_CHARSET[check === 31 ? 0 : check];
}

/** The demo resident 张建国 (apps/api/src/database/seeds/demo.data.ts): a 电焊 worker of 西集镇 西集村, as PUT /me/profile takes him. */
export const DEMO_WELDER = {
  name: '张建国',
  idNumber: idNumberOf('37040619680822001'),
  phone: '13706321002',
  villageCode: '370406102201',
  education: 'junior_high',
  skills: ['电焊', '气割'],
  desiredOccupations: ['6-05-01'],
  expectedWageMin: 5500,
  wageUnit: 'month',
  availability: ['full_time'],
  keyGroups: ['returning_migrant'],
  maxCommuteKm: 20,
};
