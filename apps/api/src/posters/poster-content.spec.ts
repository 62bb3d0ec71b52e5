import type { AppConfig } from '../config/app-config';
import type { WechatClient } from '../auth/wechat.client';
import { clockWords, eventPosterContent, eventTimeText, payText, postPosterContent, workDatesText, type PosterPostFacts } from './poster-content';
import { PosterCodes, posterH5Link } from './poster-codes';
import { PosterPhones } from './poster-phones';
import { boardOf, newPosterId, POSTER_ID_PATTERN } from './posters.service';
import { qrModules } from './qr-modules';

const NOW = new Date('2026-12-01T02:00:00Z');
const china = (s: string) => new Date(`${s}+08:00`);

const post = (over: Partial<PosterPostFacts> = {}): PosterPostFacts => ({
  title: '电焊工',
  type: 'full_time',
  wageMin: 5000,
  wageMax: 6500,
  wageUnit: 'month',
  headcount: 3,
  townName: '桑村镇',
  villageName: null,
  address: '桑村镇工业园3号',
  benefits: ['meals', 'housing'],
  startDate: null,
  endDate: null,
  workStartTime: null,
  expiresAt: china('2026-12-30T23:59:59'),
  employerName: '山亭区测试制品有限公司',
  ...over,
});

describe('poster words', () => {
  it.each([
    [{ type: 'gig', wageUnit: 'day', wageMin: 200, wageMax: 200 }, '每天 200 元'],
    [{ type: 'gig', wageUnit: 'hour', wageMin: 25, wageMax: 30 }, '每小时 25–30 元'],
    [{ type: 'full_time', wageUnit: 'month', wageMin: 5000, wageMax: 6500 }, '5000–6500 元/月'],
    [{ type: 'seasonal', wageUnit: 'day', wageMin: 150.5, wageMax: 150.5 }, '150.5 元/天'],
    [{ type: 'part_time', wageUnit: 'piece', wageMin: 0.5, wageMax: 0.8 }, '0.5–0.8 元/件'],
  ] as const)('pay %o reads "%s"', (p, text) => {
    expect(payText(p)).toBe(text);
  });

  it.each([
    [9, 0, '上午9点'],
    [14, 30, '下午2点半'],
    [12, 0, '中午12点'],
    [19, 20, '晚上7点20分'],
    [4, 0, '凌晨4点'],
  ])('%i:%i is %s', (h, m, words) => expect(clockWords(h, m)).toBe(words));

  it('says an event’s time in China time, whatever the server’s zone', () => {
    expect(eventTimeText(china('2026-12-09T09:00:00'), china('2026-12-09T16:00:00'), NOW)).toBe('12月9日 星期三 上午9点到下午4点');
    expect(eventTimeText(china('2026-12-31T19:00:00'), china('2027-01-01T02:00:00'), NOW)).toBe('12月31日 晚上7点 到 2027年1月1日 凌晨2点');
  });

  it('says the working days of a dated post, with the hour work starts', () => {
    expect(workDatesText({ type: 'gig', startDate: '2026-12-09', endDate: null, workStartTime: '07:30' }, NOW)).toBe('12月9日，上午7点半开工');
    expect(workDatesText({ type: 'gig', startDate: '2026-12-09', endDate: '2026-12-11', workStartTime: '07:30' }, NOW)).toBe('12月9日–12月11日，每天上午7点半开工');
    expect(workDatesText({ type: 'seasonal', startDate: '2026-12-09', endDate: null, workStartTime: null }, NOW)).toBe('12月9日起');
    expect(workDatesText({ type: 'full_time', startDate: null, endDate: null, workStartTime: null }, NOW)).toBe('');
  });

  it('puts the pay, the place, the employer and the phones on a post’s poster', () => {
    const c = postPosterContent(post(), [{ label: '本村联络员 王芳', number: '13905461234' }], NOW);
    expect(c).toMatchObject({ banner: '招工', title: '电焊工', highlight: '5000–6500 元/月', phones: [{ label: '本村联络员 王芳', number: '13905461234' }], call: '微信扫码 查看/报名' });
    expect(c.rows).toEqual([
      { label: '地点', text: '桑村镇工业园3号' },
      { label: '单位', text: '山亭区测试制品有限公司' },
      { label: '人数', text: '招3人' },
      { label: '福利', text: '包吃、包住' },
      { label: '截止', text: '招到12月30日' },
    ]);
    expect(postPosterContent(post({ type: 'gig', wageUnit: 'day', wageMin: 200, wageMax: 200, startDate: '2026-12-09' }), [], NOW).rows[0]).toEqual({ label: '日期', text: '12月9日' });
  });

  it('puts the time, the place and who takes part on an event’s poster', () => {
    const c = eventPosterContent(
      { title: '春风行动专场', series: 'chunfeng', kind: 'onsite', startsAt: china('2026-12-09T09:00:00'), endsAt: china('2026-12-09T16:00:00'), townName: '桑村镇', villageName: null, address: '镇政府广场', livePlatform: null, employers: 12, posts: 30, headcount: 150 },
      [{ label: '活动咨询电话', number: '0632-8812345' }],
      NOW,
    );
    expect(c.tag).toBe('春风行动 · 现场招聘会');
    expect(c.rows.map((r) => r.label)).toEqual(['时间', '地点', '企业', '费用']);
    expect(c.rows[2].text).toBe('12家企业，30个岗位，招150人');
    const live = eventPosterContent({ title: '直播', series: 'other', kind: 'livestream', startsAt: NOW, endsAt: NOW, townName: null, villageName: null, address: null, livePlatform: 'kuaishou', employers: 0, posts: 0, headcount: 0 }, [], NOW);
    expect(live.tag).toBe('直播带岗');
    expect(live.rows.map((r) => r.label)).toEqual(['时间', '在哪看', '费用']);
  });
});

describe('poster ids and boards', () => {
  it('makes 8-character ids a person can read out', () => {
    const ids = new Set(Array.from({ length: 500 }, newPosterId));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(POSTER_ID_PATTERN);
    expect([...ids].join('')).not.toMatch(/[01ILO]/);
  });

  it('hangs a 村居 liaison’s poster on their own board; others on the board they name, or none', () => {
    expect(boardOf({ userId: 'u', role: 'liaison', regionCode: '370406103201', employerId: null }, undefined)).toBe('370406103201');
    expect(boardOf({ userId: 'u', role: 'liaison', regionCode: '370406103', employerId: null }, '370406103200')).toBe('370406103200');
    expect(boardOf({ userId: 'u', role: 'admin', regionCode: null, employerId: null }, undefined)).toBeNull();
    expect(boardOf({ userId: 'u', role: 'employer', regionCode: null, employerId: 'e' }, '370406104201')).toBe('370406104201');
  });
});

describe('poster codes', () => {
  const config = (wechat: boolean) => ({ wechat: { apiBase: 'http://127.0.0.1:9', appId: wechat ? 'wx' : null, secret: wechat ? 's' : null, templates: {} } }) as unknown as AppConfig;
  const h5Qr = { kind: 'qr', modules: qrModules('https://zg.example.cn/#/pages/index/index?scene=ABCD2345') };

  it('prints the QR of the H5 link and never asks WeChat when WeChat is not configured', async () => {
    const wechat = { wxaCodeUnlimited: jest.fn() };
    const art = await new PosterCodes(config(false), wechat as unknown as WechatClient).art('ABCD2345', 'https://zg.example.cn');
    expect(art).toEqual(h5Qr);
    expect(wechat.wxaCodeUnlimited).not.toHaveBeenCalled();
    expect(posterH5Link('https://zg.example.cn', 'ABCD2345')).toBe('https://zg.example.cn/#/pages/index/index?scene=ABCD2345');
  });

  it('prints WeChat’s code when it comes, once per poster, and the H5 QR when WeChat refuses', async () => {
    const image = { mime: 'image/png' as const, bytes: Buffer.from('png') };
    const wechat = { wxaCodeUnlimited: jest.fn().mockResolvedValueOnce(image).mockResolvedValueOnce(null) };
    const codes = new PosterCodes(config(true), wechat as unknown as WechatClient);
    expect(await codes.art('ABCD2345', 'https://x')).toEqual({ kind: 'image', ...image });
    expect(await codes.art('ABCD2345', 'https://x')).toEqual({ kind: 'image', ...image });
    expect(wechat.wxaCodeUnlimited).toHaveBeenCalledTimes(1);
    expect(wechat.wxaCodeUnlimited).toHaveBeenCalledWith('ABCD2345', 'pages/index/index');
    expect(await codes.art('EFGH2345', 'https://zg.example.cn')).toEqual({ kind: 'qr', modules: qrModules('https://zg.example.cn/#/pages/index/index?scene=EFGH2345') });
  });
});

describe('poster phones', () => {
  const phones = (user: { name: string; phoneCipher: string | null } | null) => {
    const ds = { getRepository: () => ({ findOne: jest.fn().mockResolvedValue(user) }) };
    const cipher = { decrypt: (c: string) => c.replace('enc:', '') };
    return new PosterPhones(ds as never, cipher as never, { servicePhone: '12333' } as AppConfig);
  };
  const liaison = { userId: 'u', role: 'liaison' as const, regionCode: '370406103201', employerId: null };

  it('prints the 村居 liaison’s own phone, then the event’s; never the same number twice', async () => {
    expect(await phones({ name: '王芳', phoneCipher: 'enc:13905461234' }).forPrinter(liaison, '0632-8812345')).toEqual([
      { label: '本村联络员 王芳', number: '13905461234' },
      { label: '活动咨询电话', number: '0632-8812345' },
    ]);
    expect(await phones({ name: '王芳', phoneCipher: 'enc:13905461234' }).forPrinter(liaison, '13905461234')).toHaveLength(1);
  });

  it('falls back to the service hotline, never a made-up number', async () => {
    expect(await phones({ name: '王芳', phoneCipher: null }).forPrinter(liaison, null)).toEqual([{ label: '人社服务热线', number: '12333' }]);
    expect(await phones(null).forPrinter({ userId: 'a', role: 'admin', regionCode: null, employerId: null }, null)).toEqual([{ label: '人社服务热线', number: '12333' }]);
    expect(await phones(null).forPrinter({ userId: 'a', role: 'employer', regionCode: null, employerId: 'e' }, '0632-8812345')).toEqual([{ label: '活动咨询电话', number: '0632-8812345' }]);
  });
});
