// Browser end-to-end test of a post's photos (components/PostPhotos on pages/post), on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`) and Debian Chromium at /usr/bin/chromium.
// Run from the repository root:  node --test apps/miniapp/e2e/post-photos.e2e.test.mjs
// (E2E_SHOTS_DIR=/tmp/shots puts the screenshots there; E2E_H5_DIR serves a copy of the H5 build from elsewhere.)
//
// The employer opens its own published post, adds a photo of the workplace from the file chooser: it shows on the
// page at once, and a seeker opening the post sees it (the picture loads). A seeker has no 添加照片.
// Screenshot: post-photos.png.
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
/** A 2 × 2 red PNG: enough for the API to tell a PNG by its bytes and for Chromium to draw it. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001049444154789c6338a3a404440c100a002076044184d8acfe0000000049454e44ae426082',
  'hex',
);
const shown = (selector, options) => h.shown(selector, options);
const call = (method, path, options) => h.call(method, path, options);

let boss;
let seeker;
let postId = '';

describe('post photos in Chromium against the real API', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    h = pageHelpers(page, api.base);
    const admin = await call('POST', '/auth/dev-login', { body: { role: 'admin', name: '区人社局' } });
    boss = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙厂长' } });
    seeker = await call('POST', '/auth/dev-login', { body: { role: 'seeker', name: '刘芳' } });
    const firm = await call('POST', '/employers', {
      token: boss.token,
      body: { name: '山亭区桑村镇宏达编织袋厂', creditCode: creditCodeOf('MA7G2F02'), industryCode: 'C', townCode: SANGCUN, address: '桑村镇工业园6号', contactName: '孙厂长', contactPhone: '13905462281' },
    });
    await call('POST', `/employers/${firm.id}/verify`, { token: admin.token, body: { approve: true } });
    boss = await call('POST', '/auth/dev-login', { body: { role: 'employer', name: '孙厂长', employerId: firm.id } });
    const post = await call('POST', '/posts', {
      token: boss.token,
      body: { title: '编织袋车间普工', occupationCode: '6-05-01', description: '编织袋车间里干活，男女不限，包午饭，不会的可以学。', skills: [], wageMin: 4000, wageMax: 5000, wageUnit: 'month', type: 'full_time', headcount: 5, townCode: SANGCUN, benefits: ['meals'] },
    });
    postId = post.id;
    await call('POST', `/posts/${postId}/review`, { token: admin.token, body: { approve: true } });
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the employer adds a photo of the workplace to its own post; it shows at once', STEP, async () => {
    await h.useSession(boss);
    await h.open(`/pages/post/index?id=${postId}`);
    const add = shown('.pp-add', { hasText: '添加照片（还能加3张）' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), add.click()]);
    await chooser.setFiles({ name: 'workshop.png', mimeType: 'image/png', buffer: PNG });
    await shown('.pp-add', { hasText: '添加照片（还能加2张）' }).waitFor();
    assert.equal(await shown('.pp-item').count(), 1);
    const listed = await call('GET', `/posts/${postId}`, { token: boss.token });
    assert.equal(listed.photos.length, 1);
  });

  it('a seeker sees the photo (it loads) and cannot add one', STEP, async () => {
    await h.useSession(seeker);
    await h.open(`/pages/post/index?id=${postId}`);
    await shown('.pp-item').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.pp-img img')].some((img) => img.complete && img.naturalWidth === 2));
    assert.equal(await shown('.pp-add').count(), 0);
    await h.shot('post-photos');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
