// Checks of the WeChat build, without WeChat DevTools.
//
// Needs: the weapp build in dist/apps/miniapp/weapp (`npm run build:weapp`).
// Run from the repository root:  node --test apps/miniapp/weapp-check/weapp.test.mjs
//
// 1. Structure: app.json pages and subpackages, page files, usingComponents, project.config.json.
// 2. The official WXML and WXSS compilers (wcc/wcsc from miniprogram-compiler) accept every file.
// 3. Package sizes: the main package stays under WeChat's 2 MB limit.
// 4. miniprogram-simulate renders real pages (Taro's Page() is adapted to simulate's Component())
//    with an in-process wx.request stub, and taps go through Taro's event handler.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const WEAPP = join(ROOT, 'dist/apps/miniapp/weapp');
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

const readJson = (file) => JSON.parse(readFileSync(join(WEAPP, file), 'utf8'));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Every page route, main package first: "pages/index/index", "packages/admin/pages/home/index" … */
function allPages(app) {
  const sub = (app.subPackages ?? app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
  return [...app.pages, ...sub];
}

/** A usingComponents value resolved to a path inside the build (without extension). */
function resolveComponent(fromJsonFile, value) {
  if (value.startsWith('plugin://')) return null;
  const base = value.startsWith('/') ? join(WEAPP, value) : join(dirname(join(WEAPP, fromJsonFile)), value);
  return base;
}

describe('WeChat mini-program build', () => {
  /** @type {any} */
  let app;

  before(() => {
    assert.ok(existsSync(join(WEAPP, 'app.json')), `no weapp build in ${WEAPP}; run npm run build:weapp first`);
    app = readJson('app.json');
  });

  it('app.json lists the pages and subpackages, and every page has .js, .json and .wxml', () => {
    assert.deepEqual(app.pages.slice(0, 1), ['pages/index/index'], 'the post list is the first page');
    for (const page of ['pages/index/index', 'pages/post/index', 'pages/login/index', 'pages/me/index', 'pages/profile/index']) {
      assert.ok(app.pages.includes(page), `${page} is in the main package`);
    }
    const roots = (app.subPackages ?? []).map((p) => p.root).sort();
    assert.deepEqual(roots, ['packages/admin', 'packages/employer', 'packages/liaison']);
    for (const page of allPages(app)) {
      for (const ext of ['js', 'json', 'wxml']) {
        assert.ok(existsSync(join(WEAPP, `${page}.${ext}`)), `${page}.${ext} exists`);
      }
    }
    assert.deepEqual(
      app.tabBar.list.map((t) => t.text),
      ['找工作', '消息', '我的'],
    );
    for (const item of app.tabBar.list) {
      assert.ok(app.pages.includes(item.pagePath), `tab ${item.text} points at a main-package page`);
      for (const icon of [item.iconPath, item.selectedIconPath].filter(Boolean)) {
        assert.ok(existsSync(join(WEAPP, icon)), `tab icon ${icon} exists`);
      }
    }
    // 说话 and 读给我听 use 微信同声传译 (lib/voice.ts), which WeChat loads only when app.json declares it.
    assert.deepEqual(app.plugins?.WechatSI, { version: '0.3.5', provider: 'wx069ba97219f66d99' }, 'app.json declares the WechatSI plugin');
  });

  it('every usingComponents entry resolves to a component with .js, .json and .wxml', () => {
    const jsonFiles = ['app.json', ...allPages(app).map((p) => `${p}.json`)];
    const seen = new Set();
    while (jsonFiles.length > 0) {
      const file = jsonFiles.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      const using = readJson(file).usingComponents ?? {};
      for (const [tag, value] of Object.entries(using)) {
        const target = resolveComponent(file, value);
        if (!target) continue;
        for (const ext of ['js', 'json', 'wxml']) {
          assert.ok(existsSync(`${target}.${ext}`), `${file}: <${tag}> → ${value}.${ext} exists`);
        }
        jsonFiles.push(relative(WEAPP, `${target}.json`).split(sep).join('/'));
      }
    }
    assert.ok(seen.size > allPages(app).length, 'the pages use at least one component (Taro\'s comp)');
  });

  it('project.config.json is there for WeChat DevTools', () => {
    const project = readJson('project.config.json');
    assert.equal(project.appid, 'touristappid');
    assert.equal(project.compileType, 'miniprogram');
    assert.equal(project.miniprogramRoot, './');
  });

  it('the official WeChat compilers accept every WXML and WXSS file', () => {
    const compiler = require('miniprogram-compiler');
    // wcc compiles all WXML (and WXS) files together; it throws on any syntax error.
    const wxmlJs = compiler.wxmlToJs(WEAPP);
    const gwx = new Function('window', `${wxmlJs}`)({ __wcc_version__: undefined, screen: {}, navigator: { userAgent: '' } });
    for (const page of allPages(app)) {
      assert.equal(typeof gwx(`${page}.wxml`), 'function', `wcc produced a render function for ${page}.wxml`);
    }
    // wcsc: every stylesheet, app.wxss included.
    const wxssJs = compiler.wxssToJs(WEAPP);
    assert.match(wxssJs, /wxssMap/);
    for (const file of walk(WEAPP).filter((f) => f.endsWith('.wxss'))) {
      const rel = relative(WEAPP, file).split(sep).join('/');
      // A page's or component's stylesheet gets an entry; one that is only @import-ed (Taro's
      // sub-common chunk of a subpackage) is compiled into its importer, which -db marks by file.
      assert.ok(wxssJs.includes(`'${rel}'`) || wxssJs.includes(`wxcs_fileinfo: ${rel} `), `wcsc compiled ${rel}`);
    }
  });

  it('the main package is under 2 MB (and each subpackage too)', (t) => {
    const roots = (app.subPackages ?? []).map((p) => p.root);
    const sizes = { main: 0, ...Object.fromEntries(roots.map((r) => [r, 0])) };
    for (const file of walk(WEAPP)) {
      if (file.endsWith('.LICENSE.txt')) continue; // not part of the uploaded package
      const rel = relative(WEAPP, file).split(sep).join('/');
      const root = roots.find((r) => rel.startsWith(`${r}/`));
      sizes[root ?? 'main'] += statSync(file).size;
    }
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    for (const [name, size] of Object.entries(sizes)) t.diagnostic(`${name}: ${kib(size)}`);
    t.diagnostic(`total: ${kib(total)}`);
    console.log(`main package ${kib(sizes.main)}; total ${kib(total)}`);
    assert.ok(sizes.main < MAIN_PACKAGE_LIMIT, `main package ${kib(sizes.main)} is under 2 MB`);
    for (const r of roots) assert.ok(sizes[r] < SUBPACKAGE_LIMIT, `${r} ${kib(sizes[r])} is under 2 MB`);
    assert.ok(total < TOTAL_LIMIT);
  });

  describe('pages rendered with miniprogram-simulate', () => {
    /** @type {any} */
    let simulate;
    const requests = [];
    const navigations = [];
    const storage = new Map();
    let appInstance;
    let current = { route: '', query: {} };
    let stack = [];

    const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString();
    const POST = {
      id: 'post-1',
      title: '豆腐制作工',
      occupationCode: '6-01-03',
      occupationName: '豆制品制作工',
      description: '做豆腐、豆皮，有人带，包教包会。',
      skills: ['豆制品'],
      wageMin: 4000,
      wageMax: 5000,
      wageUnit: 'month',
      type: 'full_time',
      headcount: 3,
      townCode: '370406103',
      townName: '桑村镇',
      villageCode: null,
      lat: null,
      lng: null,
      benefits: ['meals', 'social_insurance'],
      startDate: null,
      endDate: null,
      status: 'published',
      publishedAt: daysAgo(3),
      expiresAt: null,
      createdAt: daysAgo(3),
      employer: { id: 'emp-1', name: '山亭区福源豆制品加工厂', verified: true },
      photos: [],
    };
    const TOWNS = [{ code: '370406103', name: '桑村镇', level: 'town', parentCode: '370406' }];
    const RESIDENT = {
      id: 'r-1',
      name: '韩春梅',
      idNumber: '3704**********3866',
      phone: '139****7788',
      gender: 'female',
      birthDate: '1971-03-15',
      age: 55,
      villageCode: '370406103201',
      villageName: '东庄村',
      townCode: '370406103',
      townName: '桑村镇',
      education: 'junior_high',
      skills: ['电焊'],
      desiredOccupations: [],
      desiredTownCodes: [],
      maxCommuteKm: 20,
      expectedWageMin: 3000,
      wageUnit: 'month',
      availability: ['full_time'],
      keyGroups: ['returning_migrant'],
      status: 'employed',
      consent: { method: 'verbal', at: daysAgo(2), takenBy: null },
      selfRegistered: false,
      createdAt: daysAgo(2),
      updatedAt: daysAgo(1),
      history: [
        { status: 'seeking', previousStatus: null, note: null, changedBy: { id: 'u-2', name: '刘书记', role: 'liaison' }, changedAt: daysAgo(2) },
        { status: 'employed', previousStatus: 'seeking', note: '在桑村塑编厂上班', changedBy: { id: 'u-2', name: '刘书记', role: 'liaison' }, changedAt: daysAgo(1) },
      ],
    };
    const counts = (seeking, employed) => ({ seeking, employed, self_employed: 0, not_seeking: 0, migrated: 0 });
    const groups = (n) => ({ graduate: 0, veteran: n, disabled: 0, returning_migrant: 0, hard_to_employ: 0, low_income: 0 });
    const LABOR = {
      regionCode: '370406',
      regionName: '山亭区',
      total: { code: '370406', name: '山亭区', total: 30, byStatus: counts(20, 10), byKeyGroup: groups(2) },
      items: [
        { code: '370406103', name: '桑村镇', total: 20, byStatus: counts(15, 5), byKeyGroup: groups(2) },
        { code: '370406104', name: '北庄镇', total: 10, byStatus: counts(5, 5), byKeyGroup: groups(0) },
      ],
    };
    const OVERVIEW = {
      regionCode: '370406',
      regionName: '山亭区',
      residents: { total: 27, seeking: 19 },
      openPosts: 38,
      verifiedEmployers: 10,
    };

    /** Renders one page as WeChat would open it and waits for Taro's first setData. */
    async function renderPage(route, query = {}) {
      current = { route, query };
      const id = simulate.load(join(WEAPP, route), { rootPath: WEAPP });
      const comp = simulate.render(id);
      comp.attach(globalThis.document.createElement('parent-wrapper'));
      await simulate.sleep(300);
      return comp;
    }

    before(() => {
      // miniprogram-simulate runs on a DOM; jsdom comes with Taro's webpack runner.
      const { JSDOM } = require('jsdom');
      const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
      for (const key of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'EventTarget', 'MutationObserver']) {
        Object.defineProperty(globalThis, key, { value: key === 'window' ? dom.window : dom.window[key], configurable: true, writable: true });
      }
      simulate = require('miniprogram-simulate'); // registers Component() and the wx mocks

      const wx = globalThis.wx;
      wx.getStorageSync = (key) => (storage.has(key) ? storage.get(key) : '');
      wx.setStorageSync = (key, value) => void storage.set(key, value);
      wx.removeStorageSync = (key) => void storage.delete(key);
      wx.navigateTo = (o) => {
        navigations.push(o.url);
        o.success?.({ errMsg: 'navigateTo:ok' });
      };
      wx.request = (o) => {
        requests.push(o.url);
        setTimeout(() => {
          const path = new URL(o.url).pathname;
          // The stub's answers by path; anything else is a 404.
          const answers = [
            [(p) => p.endsWith('/auth/config'), { devLogin: false, wechat: true, sms: true }],
            [(p) => /\/auth\/qr\/[\w-]+\/approve$/.test(p), { status: 'approved' }],
            [(p) => p.endsWith('/regions'), { items: TOWNS }],
            [(p) => p.endsWith('/posts'), { items: [POST], nextCursor: null }],
            [(p) => p.endsWith(`/posts/${POST.id}`), POST],
            [(p) => p.endsWith('/stats/overview'), OVERVIEW],
            [(p) => p.endsWith('/residents'), { items: [RESIDENT], nextCursor: null }],
            [(p) => p.endsWith(`/residents/${RESIDENT.id}`), RESIDENT],
            [(p) => p.endsWith('/stats/labor'), LABOR],
          ];
          const data = answers.find(([matches]) => matches(path))?.[1];
          const statusCode = data === undefined ? 404 : 200;
          o.success?.({ statusCode, data: data ?? { statusCode, message: '没有找到' }, header: {}, errMsg: 'request:ok' });
          o.complete?.({ errMsg: 'request:ok' });
        }, 5);
        return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
      };

      // WeChat's App/Page/getApp/getCurrentPages, enough for Taro's runtime.
      globalThis.App = (options) => {
        appInstance = options;
      };
      globalThis.getApp = () => appInstance;
      globalThis.getCurrentPages = () => stack;
      // simulate only knows Component(): a Taro page becomes a component whose attach runs the
      // page lifecycle (onLoad with the query, onShow, onReady).
      globalThis.Page = (options) => {
        const methods = {};
        for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
        globalThis.Component({
          data: options.data ?? {},
          methods,
          lifetimes: {
            attached() {
              this.route = this.__route__ = current.route;
              this.options = current.query;
              stack = [this];
              this.onLoad?.(current.query);
              this.onShow?.();
              this.onReady?.();
            },
            detached() {
              this.onUnload?.();
            },
          },
        });
      };

      require(join(WEAPP, 'app.js'));
      assert.ok(appInstance, 'app.js called App()');
      appInstance.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1001 });
      appInstance.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 });
    });

    it('找工作 renders the filters and a post card with labels from @zaogong/shared', async () => {
      const comp = await renderPage('pages/index/index');
      const text = comp.dom.textContent;
      assert.ok(requests.some((u) => u.endsWith('/api/v1/posts?limit=20')), `asked for posts: ${requests.join(', ')}`);
      assert.ok(requests.every((u) => u.startsWith('http://127.0.0.1:3000/api/v1/')), 'weapp default API base');
      for (const s of ['镇街 ▾', '类型 ▾', '工资 ▾', '福利 ▾', '排序：最新', '豆腐制作工', '4000–5000 元/月', '已认证', '包吃', '五险', '3天前发布']) {
        assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      }

      comp.querySelector('.post-card').dispatchEvent('tap');
      await simulate.sleep(50);
      assert.equal(navigations.at(-1), '/pages/post/index?id=post-1');

      // The 类型 chip opens a sheet of choices; picking 零工 filters and closes it.
      comp.querySelectorAll('.zg-chip').find((c) => c.dom.textContent === '类型 ▾').dispatchEvent('tap');
      await simulate.sleep(50);
      const gig = comp.querySelectorAll('.zg-sheet-option').find((c) => c.dom.textContent.startsWith('零工'));
      gig.dispatchEvent('tap');
      await simulate.sleep(200);
      assert.ok(requests.at(-1).includes('type=gig'), `filtered request: ${requests.at(-1)}`);
      assert.deepEqual(
        comp.querySelectorAll('.zg-chip-on').map((c) => c.dom.textContent),
        ['零工 ▾'],
      );
      assert.equal(comp.querySelectorAll('.zg-sheet').length, 0, 'the sheet closed');
    });

    it('岗位详情 renders every field and, logged out, offers 我要报名', async () => {
      const comp = await renderPage('pages/post/index', { id: 'post-1' });
      const text = comp.dom.textContent;
      for (const s of ['豆腐制作工', '工作内容', '做豆腐、豆皮', '豆制品制作工', '招3人', '福利待遇', '五险', '我要报名']) {
        assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      }
    });

    it('我的 renders, and the 大字模式 switch turns large text on and stores it', async () => {
      const comp = await renderPage('pages/me/index');
      assert.ok(comp.dom.textContent.includes('您还没有登录'));
      assert.ok(comp.dom.textContent.includes('已关闭'));
      const rootView = () => comp.querySelector('.zg-page');
      assert.ok(!rootView().dom.className.includes('zg-large'));

      comp.querySelector('.me-toggle-row').dispatchEvent('tap');
      await simulate.sleep(200);
      assert.ok(comp.dom.textContent.includes('已打开'));
      assert.ok(rootView().dom.className.includes('zg-large'), `class: ${rootView().dom.className}`);
      assert.equal(storage.get('zg.largeText'), true);
    });

    it('a role home shown to a visitor asks to log in instead of showing tools', async () => {
      const comp = await renderPage('packages/liaison/pages/home/index');
      assert.ok(comp.dom.textContent.includes('请先登录'), comp.dom.textContent);
      assert.ok(comp.dom.textContent.includes('联络员'));
    });

    it('the admin home shows the 全区概况 numbers from GET /stats/overview', async () => {
      // The liaison home was rendered above as a visitor; simulate loads each page once, so the
      // logged-in card is checked on the admin home (the same component).
      storage.set('zg.token', 'weapp-check-token');
      storage.set('zg.user', { id: 'u-1', role: 'admin', name: '周科长', regionCode: null, regionName: null, employerId: null });
      try {
        const comp = await renderPage('packages/admin/pages/home/index');
        assert.ok(requests.some((u) => u.endsWith('/api/v1/stats/overview')), `asked for the overview: ${requests.join(', ')}`);
        const card = comp.querySelector('.overview-card');
        assert.ok(card, 'the 概况 card is rendered');
        const text = card.dom.textContent;
        for (const s of ['全区概况', '山亭区', '登记居民27人', '其中求职中19人', '在招岗位38个', '认证企业10家']) {
          assert.ok(text.includes(s), `"${s}" is on the card: ${text}`);
        }
        assert.ok(!text.includes('整个'), 'no 镇街 note for the district');
      } finally {
        storage.delete('zg.token');
        storage.delete('zg.user');
      }
    });

    /** Renders `route` signed in as `user`, then signs out again. */
    async function renderAs(user, route, query) {
      storage.set('zg.token', 'weapp-check-token');
      storage.set('zg.user', { employerId: null, regionName: null, regionCode: null, ...user });
      try {
        return await renderPage(route, query);
      } finally {
        storage.delete('zg.token');
        storage.delete('zg.user');
      }
    }
    const LIAISON = { id: 'u-2', role: 'liaison', name: '刘书记', regionCode: '370406103201', regionName: '东庄村' };

    it('居民名单 lists residents from GET /residents with masked phone, age and status', async () => {
      const comp = await renderAs(LIAISON, 'packages/liaison/pages/residents/index');
      assert.ok(requests.some((u) => u.includes('/api/v1/residents?limit=20')), `asked for residents: ${requests.join(', ')}`);
      const text = comp.dom.textContent;
      for (const s of ['登记居民', '就业状态', '重点人群', '韩春梅', '139****7788', '55岁', '已就业', '返乡农民工']) {
        assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      }
      const chip = comp.querySelectorAll('.zg-chip').find((c) => c.dom.textContent === '求职中');
      chip.dispatchEvent('tap');
      await simulate.sleep(200);
      assert.ok(requests.at(-1).includes('status=seeking'), `filtered request: ${requests.at(-1)}`);
      comp.querySelector('.res-row-main').dispatchEvent('tap');
      await simulate.sleep(50);
      assert.equal(navigations.at(-1), '/packages/liaison/pages/resident/index?id=r-1');
    });

    it('登记居民 shows the gender, birth date and age held in a typed 身份证号', async () => {
      const comp = await renderAs(LIAISON, 'packages/liaison/pages/resident-form/index');
      assert.ok(comp.dom.textContent.includes('东庄村'), 'the liaison\'s own 村居');
      comp.querySelector('.rf-input-id').dispatchEvent('input', { detail: { value: '370406197103153866' } });
      await simulate.sleep(100);
      const derived = comp.querySelector('.rf-derived-ok');
      assert.ok(derived, 'the derived facts are shown');
      for (const s of ['女', '1971年3月15日']) assert.ok(derived.dom.textContent.includes(s), derived.dom.textContent);
      comp.querySelector('.rf-input-id').dispatchEvent('input', { detail: { value: '370406197103153860' } });
      await simulate.sleep(100);
      assert.ok(comp.dom.textContent.includes('身份证号最后一位不对，请再核对一遍'));
    });

    it('居民详情 shows the record, the status buttons and the history', async () => {
      const comp = await renderAs(LIAISON, 'packages/liaison/pages/resident/index', { id: 'r-1' });
      const text = comp.dom.textContent;
      for (const s of ['韩春梅', '更新就业状态', '求职中', '自主创业', '外出务工', '求职中 → 已就业', '在桑村塑编厂上班', '3704**********3866', '口头同意']) {
        assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      }
    });

    it('登录 in WeChat offers 手机号快速验证, and neither the SMS code nor the PC link of H5', async () => {
      const comp = await renderPage('pages/login/index');
      assert.ok(requests.some((u) => u.endsWith('/api/v1/auth/config')), `asked for the login config: ${requests.join(', ')}`);
      const text = comp.dom.textContent;
      assert.ok(text.includes('手机号快速登录'), text);
      assert.ok(!text.includes('获取验证码'), 'no SMS login in WeChat');
      assert.ok(!text.includes('扫码登录'), 'no PC link in WeChat');
      const button = comp.querySelector('.login-wechat .zg-btn');
      assert.ok(button, 'the WeChat login button is there');
      // The render tree Taro hands to the page's template (attribute names are shortened there).
      assert.match(JSON.stringify(comp.instance.data), /"getPhoneNumber"/, 'the button asks for the phone number');
    });

    it('扫码登录 (phone side) asks before logging the PC in, then approves the ticket', async () => {
      const ticket = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
      const comp = await renderAs({ id: 'u-1', role: 'admin', name: '周科长' }, 'pages/scan-login/index', { ticket });
      const text = comp.dom.textContent;
      for (const s of ['在电脑上登录 枣工快递？', '周科长（管理员）', '确认登录', '取消']) assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      storage.set('zg.token', 'weapp-check-token');
      try {
        comp.querySelector('.sl-approve').dispatchEvent('tap');
        await simulate.sleep(200);
      } finally {
        storage.delete('zg.token');
      }
      assert.ok(requests.some((u) => u.endsWith(`/api/v1/auth/qr/${ticket}/approve`)), `approved the ticket: ${requests.join(', ')}`);
      assert.ok(comp.dom.textContent.includes('电脑已登录'), comp.dom.textContent);
    });

    it('邀请联络员/干部 for a 镇街 officer: liaisons of their own 镇街 only', async () => {
      const officer = { id: 'u-3', role: 'admin', name: '桑村镇干部', regionCode: '370406103', regionName: '桑村镇', mfaEnabled: true, mfaVerified: true };
      const comp = await renderAs(officer, 'packages/admin/pages/invite/index');
      const kinds = comp.querySelectorAll('.iv-kind-label').map((k) => k.dom.textContent);
      assert.deepEqual(kinds, ['联络员'], 'no 镇街干部 or 区级管理员 for an officer');
      const text = comp.dom.textContent;
      assert.ok(text.includes('负责范围：桑村镇（整个镇街）'), text);
      assert.ok(!text.includes('北庄镇'), 'no other 镇街 to pick');
    });

    it('人力资源地图 shows the district by 镇街 with totals and bars', async () => {
      const comp = await renderAs({ id: 'u-1', role: 'admin', name: '周科长' }, 'packages/admin/pages/labor-map/index');
      assert.ok(requests.some((u) => u.endsWith('/api/v1/stats/labor')), `asked for the map: ${requests.join(', ')}`);
      const text = comp.dom.textContent;
      for (const s of ['山亭区', '各镇街', '桑村镇', '北庄镇']) assert.ok(text.includes(s), `"${s}" is on the page: ${text}`);
      assert.equal(comp.querySelectorAll('.lm-row').length, 2);
      comp.querySelector('.lm-row').dispatchEvent('tap');
      await simulate.sleep(50);
      assert.equal(navigations.at(-1), '/packages/admin/pages/labor-map/index?regionCode=370406103');
    });
  });
});
