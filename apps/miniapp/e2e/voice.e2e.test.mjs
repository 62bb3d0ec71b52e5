// Browser test of voice for people who read little (说话 and 读给我听) on the H5 build against the real API.
//
// Needs: the H5 build in dist/apps/miniapp/h5 (`npm run build:h5`; E2E_H5_DIR serves a copy instead) and
// Debian Chromium at /usr/bin/chromium. Run from the repository root:
//   node --test apps/miniapp/e2e/voice.e2e.test.mjs        (E2E_SHOTS_DIR=/tmp/shots/voice for the screenshots)
//
// The browser's speech is stubbed (a test machine has no voice and no microphone): speechSynthesis.speak
// records what it was given, and a fake webkitSpeechRecognition "hears" 电焊. 读给我听 on a post says the
// title, pay, place and dates in that order, in Mandarin, and a second tap stops it; 说话 puts 电焊 into the
// search box without searching; without recognition in the browser there is no 说话 button.
/* global window */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STEP, launchBrowser, newBrowserPage, pageHelpers, startApi } from './support.mjs';

const SEASONAL_TITLE = '腐竹豆皮包装工（春节前用工）';

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
/** @type {any} */
let seasonal;

/** Runs in the page before the app: records utterances, and a recogniser that hears 电焊. */
function stubSpeech() {
  window.__spoken = [];
  window.__cancels = 0;
  window.__recognisers = [];
  window.speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  window.speechSynthesis.cancel = () => {
    window.__cancels += 1;
  };
  class FakeRecognition {
    start() {
      window.__recognisers.push({ lang: this.lang });
      setTimeout(() => {
        this.onresult?.({ results: [[{ transcript: '电焊。' }]] });
        this.onend?.();
      }, 200);
    }
    stop() {}
  }
  window.SpeechRecognition = undefined;
  window.webkitSpeechRecognition = FakeRecognition;
}

describe('voice: 读给我听 and 说话 (H5)', () => {
  before(async () => {
    api = await startApi(process.env.E2E_H5_DIR ? { H5_DIR: process.env.E2E_H5_DIR } : {});
    ({ browser, page, pageErrors, failedApiCalls } = await launchBrowser());
    await page.addInitScript(stubSpeech);
    h = pageHelpers(page, api.base);
    const list = await h.getJson(`/posts?q=${encodeURIComponent('腐竹')}`);
    seasonal = list.items.find((p) => p.title === SEASONAL_TITLE);
    assert.ok(seasonal, 'the demo data has the seasonal 腐竹 post');
    assert.ok(seasonal.startDate && seasonal.townName, 'it has dates and a 镇街');
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('读给我听 on a post says the title, pay, place and dates, in that order; a second tap stops', STEP, async () => {
    await h.open(`/pages/post/index?id=${seasonal.id}`);
    const read = h.shown('.read-aloud');
    await read.waitFor();
    assert.equal((await read.innerText()).trim(), '读给我听');
    await h.fullShot('voice-post');
    await read.click();
    await h.shown('.read-aloud', { hasText: '停，不读了' }).waitFor();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 1, 'one utterance');
    assert.equal(spoken[0].lang, 'zh-CN');
    const text = spoken[0].text;
    const [, m, d] = /^\d{4}-(\d{2})-(\d{2})/.exec(seasonal.startDate);
    const pieces = [SEASONAL_TITLE, '120到150元一天', seasonal.townName, `${Number(m)}月${Number(d)}日`, '我要报名'];
    let at = -1;
    for (const piece of pieces) {
      const i = text.indexOf(piece);
      assert.ok(i > at, `"${piece}" comes after the previous piece in: ${text}`);
      at = i;
    }
    const cancelsBefore = await page.evaluate(() => window.__cancels);
    await h.shown('.read-aloud').click();
    await h.shown('.read-aloud', { hasText: '读给我听' }).waitFor();
    assert.ok((await page.evaluate(() => window.__cancels)) > cancelsBefore, 'the second tap stopped the speech');
    assert.equal((await page.evaluate(() => window.__spoken)).length, 1, 'the second tap said nothing new');
  });

  it('大字模式: 读给我听 is bigger and nothing runs off the side', STEP, async () => {
    const normal = await h.fontSize(h.shown('.read-aloud'));
    await h.setLargeText(true);
    const read = h.shown('.zg-large .read-aloud');
    await read.waitFor();
    assert.ok((await h.fontSize(read)) > normal, 'the button text grows in 大字模式');
    assert.equal(await h.scrollsSideways(), false);
    await h.fullShot('voice-post-large');
    await h.setLargeText(false);
  });

  it('说话 puts what was heard into the search box and does not search by itself', STEP, async () => {
    const searches = [];
    page.on('request', (req) => {
      if (/\/api\/v1\/posts\?.*\bq=/.test(req.url())) searches.push(req.url());
    });
    await h.open('/pages/index/index');
    const talk = h.shown('.voice-btn');
    await talk.waitFor();
    assert.equal((await talk.innerText()).trim(), '说话');
    await h.shot('voice-search');
    await talk.click();
    const box = h.shown('.search-input input');
    await page.waitForFunction(() => window.__recognisers.length === 1);
    assert.equal(await page.evaluate(() => window.__recognisers[0].lang), 'zh-CN');
    await h.shown('.voice-btn', { hasText: '说话' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await box.inputValue(), '电焊', 'the heard word, without the full stop, is in the box');
    await page.waitForTimeout(1000);
    assert.deepEqual(searches, [], 'nothing was searched on its own');
    assert.equal(await h.shownText('按您的条件找到的岗位').isVisible().catch(() => false), false);
    // The person checks it and taps 搜索.
    await h.shown('.search-btn').click();
    await h.shownText('按您的条件找到的岗位').waitFor();
    assert.ok(searches.some((u) => u.includes(encodeURIComponent('电焊'))), '搜索 searched for 电焊');
  });

  it('大字模式: 说话 beside the search box still fits the phone', STEP, async () => {
    await h.setLargeText(true);
    const talk = h.shown('.zg-large .voice-btn');
    await talk.waitFor();
    assert.equal(await h.scrollsSideways(), false);
    const box = await h.shown('.search-input').boundingBox();
    const btn = await talk.boundingBox();
    assert.ok(box && btn && box.width >= 100, `the search box keeps room to type (${box?.width}px)`);
    await h.shot('voice-search-large');
    await h.setLargeText(false);
  });

  it('without speech recognition in the browser there is no 说话 button (typing still works)', STEP, async () => {
    const other = await newBrowserPage(/** @type {any} */ (browser));
    await other.page.addInitScript(() => {
      window.SpeechRecognition = undefined;
      window.webkitSpeechRecognition = undefined;
    });
    const o = pageHelpers(other.page, api.base);
    await o.open('/pages/index/index');
    await o.shown('.search-input').waitFor();
    await o.shown('.search-btn').waitFor();
    assert.equal(await o.shown('.voice-btn').count(), 0, 'no 说话 button');
    await other.page.context().close();
  });

  it('no page errors and no failed API calls', () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });
});
