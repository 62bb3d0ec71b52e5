// Browser end-to-end test of 打印海报 (pages/poster/index) and a poster's code, on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/posters.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots puts the screenshots there; E2E_H5_DIR serves a copy of the H5 build from elsewhere.)
//
// A verified employer's post is published. The 村居 liaison opens it, taps 打印海报: the poster page says the
// board is their own 村, shows the A4 picture (1240 × 1754) with 下载图片 and 下载 PDF, and this poster's scans (0).
// Without logging in, the H5 link the poster's QR holds (/#/pages/index/index?scene=<id>) opens the post itself
// and counts one scan; opening the same link again on that phone does not count again. Back on the poster page
// the liaison sees 1. The post's page shows no 打印海报 to a seeker. Screenshots: posters-*.png.
/* global document -- used inside page.waitForFunction() callbacks, which run in the browser */
import assert from 'node:assert/strict';
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

const SANGCUN = '370406103';
const POST_TITLE = '编织袋车间普工';
const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);

let liaison;
let village;
let postId = '';
let posterId = '';

describe('打印海报 in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    village = (await h.getJson(`/regions?parent=${SANGCUN}`)).items[0];
    const admin = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    liaison = await call('POST', '/auth/dev-login', { body: { role: 'liaison', name: '刘书记', regionCode: village.code } });
    const boss = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙厂长' } });
    const firm = await call('POST', '/employers', {
      token: boss.token,
      body: { name: '山亭区桑村镇宏达编织袋厂', creditCode: creditCodeOf('MA7G2E02'), industryCode: 'C', townCode: SANGCUN, address: '桑村镇工业园6号', contactName: '孙厂长', contactPhone: '13905462281' },
    });
    await call('POST', `/employers/${firm.id}/verify`, { token: admin.token, body: { approve: true } });
    const post = await call('POST', '/posts', {
      token: boss.token,
      body: { title: POST_TITLE, occupationCode: '6-05-01', description: '编织袋车间里干活，男女不限，包午饭，不会的可以学。', skills: [], wageMin: 4000, wageMax: 5000, wageUnit: 'month', type: 'full_time', headcount: 5, townCode: SANGCUN, benefits: ['meals'] },
    });
    postId = post.id;
    await call('POST', `/posts/${postId}/review`, { token: admin.token, body: { approve: true } });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
  });

  it('the liaison prints the post for their own board from the post’s page', STEP, async () => {
    await h.useSession(liaison);
    await h.open(`/pages/post/index?id=${postId}`);
    await shown('.post-title', { hasText: POST_TITLE }).waitFor();
    await shown('.post-poster .zg-btn', { hasText: '打印海报' }).click();
    await page.waitForURL(/#\/pages\/poster\/index\?kind=post&id=/);
    assert.match(await shown('.pst-board').innerText(), new RegExp(`本村：${village.name}`));
    const img = shown('.pst-img img, img.pst-img').first();
    await img.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.pst-img img, img.pst-img')].some((i) => i.complete && i.naturalWidth > 0));
    const size = await img.evaluate((i) => ({ w: i.naturalWidth, h: i.naturalHeight, src: i.src }));
    assert.deepEqual([size.w, size.h], [1240, 1754], 'the A4 picture at 150 dpi');
    assert.match(size.src, /^blob:/);
    // Shown whole, at A4's proportion: not cut to an image's default box.
    const box = await shown('.pst-img').first().boundingBox();
    assert.ok(box && Math.abs(box.height / box.width - 1754 / 1240) < 0.02, `the poster is shown whole (${JSON.stringify(box)})`);
    await shown('.pst-save', { hasText: '下载图片，去打印' }).waitFor();
    await shown('.pst-pdf', { hasText: '下载 PDF' }).waitFor();
    await shown('.pst-scans', { hasText: '这张海报：0 次' }).waitFor();
    const stats = await h.getAsUser(`/stats/posters?postId=${postId}`);
    assert.equal(stats.items.length, 1);
    assert.equal(stats.items[0].villageCode, village.code);
    posterId = stats.items[0].posterId;
    await h.fullShot('posters-page');
  });

  it('the poster’s link opens the post for anyone and counts the scan once', STEP, async () => {
    await h.useSession(null);
    await h.open(`/pages/index/index?scene=${posterId}`);
    await page.waitForURL(new RegExp(`#/pages/post/index\\?id=${postId}`));
    await shown('.post-title', { hasText: POST_TITLE }).waitFor();
    assert.equal(await shown('.post-poster').count(), 0, 'no 打印海报 for someone not logged in');
    await h.shot('posters-scanned');
    const counted = async () => (await call('GET', `/stats/posters?postId=${postId}`, { token: liaison.token })).items.find((i) => i.posterId === posterId).scans;
    assert.equal(await counted(), 1);
    // The same link again on this phone (the page reloaded): not counted twice.
    await h.open(`/pages/index/index?scene=${posterId}`);
    await shown('.post-title', { hasText: POST_TITLE }).waitFor({ timeout: 3000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
    assert.equal(await counted(), 1);
  });

  it('the liaison sees the scan on the poster page', STEP, async () => {
    await h.useSession(liaison);
    await h.open(`/pages/poster/index?kind=post&id=${postId}`);
    await shown('.pst-scans', { hasText: '这张海报：1 次' }).waitFor();
    await h.shot('posters-counted');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
