import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { Notification } from '../src/notifications/entities/notification.entity';
import { PolicyMatch } from '../src/policies/entities/policy-match.entity';
import { PolicyMatcher } from '../src/policies/policy-matcher.service';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../src/queue';
import { residentBody } from './support/identity';
import { verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 政策找人 (docs/business-logic/policies.md): the district admin writes a policy as rules and previews who
 * qualifies; people (and firms) who qualify are told once, with their liaison; a seeker sees why; liaisons mark
 * what they did for their own villagers only; the district sees the funnel — and the refusals, in plain words.
 */

const API = '/api/v1';
const T1 = '370406103'; // 桑村镇
const V1 = '370406103201'; // 桑村镇户口村
const V2 = '370406104201'; // 北庄镇毛宅村
const TODAY = chinaDateOf(new Date());
const monthsAgo = (n: number) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

const graduatePolicy = (over: Record<string, unknown> = {}) => ({
  title: '高校毕业生就业创业补贴',
  issuer: '山亭区人力资源和社会保障局',
  summary: '毕业2年内的高校毕业生（含大专）在山亭就业创业，可以申请补贴。',
  benefit: '按规定给予就业创业补贴，标准以人社部门公布为准。',
  audience: 'person',
  rules: [
    { field: 'keyGroups', op: 'contains', value: 'graduate' },
    { field: 'monthsSinceGraduation', op: 'lte', value: 24 },
    { field: 'education', op: 'gte', value: 'college' },
  ],
  materials: '身份证、毕业证',
  howToApply: '带材料到镇便民服务中心人社窗口办理。',
  contactPhone: '0632-8811234',
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  ...over,
});

describe.each(DATABASE_KINDS)('政策找人 on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let n = 0;
  const as = (who: string) => ({ Authorization: `Bearer ${tok[who] ?? who}` });
  const api = (method: 'get' | 'post' | 'patch' | 'put', path: string, who?: string) => {
    const r = request(t.server)[method](`${API}${path}`);
    return who ? r.set(as(who)) : r;
  };
  const settle = () => t.app.get<QueueDriver>(QUEUE_DRIVER).get(QUEUES.policies).whenIdle();
  /** A graduate registered by the village's liaison. */
  const graduate = async (village: string, liaison: string, over: Record<string, unknown> = {}) =>
    (await api('post', '/residents', liaison).send(residentBody(500 + ++n, { villageCode: village, phone: `1390550${String(n).padStart(4, '0')}`, education: 'college', graduationDate: monthsAgo(10), keyGroups: ['graduate'], ...over })).expect(201)).body as { id: string };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: V2 },
      boss: { role: 'employer', name: '张经理' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('the district admin writes a policy as rules; bad rules and dates are refused in words', async () => {
    if (!db) return;
    for (const who of ['off1', 'lia1', 'boss']) await api('post', '/policies', who).send(graduatePolicy()).expect(403);
    await api('post', '/policies').send(graduatePolicy()).expect(401);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ rules: [{ field: 'income', op: 'gte', value: 1 }] }, /没有这个条件项：income/],
      [{ rules: [{ field: 'age', op: 'gte', value: '16' }] }, /整数/],
      [{ rules: [{ field: 'keyGroups', op: 'contains', value: 'rich' }] }, /没有这个值/],
      [{ rules: [{ field: 'townCode', op: 'eq', value: '370406999' }] }, /没有这个镇街/],
      [{ rules: [{ field: 'age', op: 'gte', value: { $gt: 1 } }] }, /整数/],
      [{ rules: [] }, /至少写一条/],
      [{ rules: 'graduate' }, /列表/],
      [{ audience: 'employer' }, /没有这个条件项：keyGroups/],
      [{ validTo: '2025-12-31' }, /截止日期不能早于开始日期/],
      [{ validFrom: '2026-13-01' }, /日期/],
      [{ title: null }, /null/],
      [{ sourceUrl: 'javascript:alert(1)' }, /http/],
      [{ audience: 'everyone' }, /对象/],
    ];
    for (const [over, message] of bad) expect((await api('post', '/policies', 'admin').send(graduatePolicy(over)).expect(400)).body.message).toMatch(message);
    const draft = (await api('post', '/policies', 'admin').send(graduatePolicy({ draft: true })).expect(201)).body;
    expect(draft).toMatchObject({ status: 'draft', inForce: false, disclaimer: '以人社部门公布为准' });
    expect(draft.rulesText).toEqual(['重点人群包含高校毕业生', '毕业月数不超过24', '学历不少于大专']);
    // A draft is the admin's alone; the public list holds policies in force only.
    await api('get', `/policies/${draft.id}`).expect(404);
    await api('get', `/policies/${draft.id}`, 'admin').expect(200);
    expect((await api('get', '/policies?limit=100').expect(200)).body.items.map((p: { id: string }) => p.id)).not.toContain(draft.id);
    expect((await api('get', '/policies?all=true&limit=100', 'admin').expect(200)).body.items.map((p: { id: string }) => p.id)).toContain(draft.id);
    await api('get', '/policies?all=true', 'lia1').expect(403);
    await api('get', '/policies?all=true').expect(403);
    await api('patch', `/policies/${draft.id}`, 'off1').send({ status: 'published' }).expect(403);
    await api('get', '/policies/not-a-uuid').expect(404);
  });

  it('previews who qualifies, then tells each person and their liaison once when published or when their record changes', async () => {
    if (!db) return;
    const a = await graduate(V1, 'lia1');
    const b = await graduate(V1, 'lia1');
    await graduate(V2, 'lia2', { graduationDate: monthsAgo(30) }); // graduated too long ago
    await graduate(V2, 'lia2', { education: 'vocational' }); // 中专 is below 大专
    await settle();
    const draft = (await api('post', '/policies', 'admin').send(graduatePolicy({ draft: true, title: '高校毕业生就业创业补贴（预览）' })).expect(201)).body;
    const preview = (await api('get', `/policies/${draft.id}/preview`, 'admin').expect(200)).body;
    expect(preview).toMatchObject({ total: 2, byTown: [{ code: T1, name: '桑村镇', count: 2 }], text: '现在符合的有 2 人，桑村镇 2 人' });
    expect((await api('post', '/policies/preview', 'admin').send({ audience: 'person', rules: [{ field: 'keyGroups', op: 'contains', value: 'graduate' }] }).expect(201)).body.total).toBe(4);
    await api('get', `/policies/${draft.id}/preview`, 'lia1').expect(403);
    // Nothing is written before publishing.
    expect(await t.dataSource.getRepository(PolicyMatch).countBy({ policyId: draft.id })).toBe(0);
    await api('patch', `/policies/${draft.id}`, 'admin').send({ status: 'published' }).expect(200);
    await settle();
    const matches = await t.dataSource.getRepository(PolicyMatch).findBy({ policyId: draft.id });
    expect(matches.map((m) => m.subjectId).sort()).toEqual([a.id, b.id].sort());
    const liaisonNotes = async () => (await api('get', '/notifications?limit=100', 'lia1').expect(200)).body.items.filter((x: { title: string }) => x.title.includes('高校毕业生就业创业补贴（预览）'));
    expect(await liaisonNotes()).toHaveLength(1);
    expect((await liaisonNotes())[0].body).toMatch(/可能符合/);
    // People without an account are reached by text message where SMS is set up (not in this test); the row says they were told.
    expect(matches.every((m) => m.notifiedAt !== null)).toBe(true);
    const written = await t.dataSource.getRepository(Notification).count({ where: { type: 'policy' } });
    // Another pass, an edit of the record, the nightly pass: nobody is told twice.
    await api('patch', `/residents/${a.id}`, 'lia1').send({ skills: ['电脑'] }).expect(200);
    await settle();
    await t.app.get(PolicyMatcher).pass();
    expect(await liaisonNotes()).toHaveLength(1);
    expect(await t.dataSource.getRepository(Notification).count({ where: { type: 'policy' } })).toBe(written);
    // Someone who starts to qualify (their 毕业时间 filled in) is found at their edit.
    const late = await graduate(V1, 'lia1', { graduationDate: undefined });
    await settle();
    expect(await t.dataSource.getRepository(PolicyMatch).countBy({ policyId: draft.id, subjectId: late.id })).toBe(0);
    await api('patch', `/residents/${late.id}`, 'lia1').send({ graduationDate: monthsAgo(3) }).expect(200);
    await settle();
    expect(await t.dataSource.getRepository(PolicyMatch).countBy({ policyId: draft.id, subjectId: late.id })).toBe(1);
    // Someone who stops qualifying is marked, not dropped.
    await api('patch', `/residents/${b.id}`, 'lia1').send({ graduationDate: monthsAgo(40) }).expect(200);
    await settle();
    expect(await t.dataSource.getRepository(PolicyMatch).findOneBy({ policyId: draft.id, subjectId: b.id })).toMatchObject({ eligible: false });
  });

  it('a seeker sees the policies they may qualify for, with the reasons in words', async () => {
    if (!db) return;
    const policy = (await api('post', '/policies', 'admin').send(graduatePolicy({ title: '毕业生补贴（本人看）' })).expect(201)).body;
    const seeker = (await devLogins(t.server, { s: { role: 'seeker', name: '李娜' } })).s;
    const me = (await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${seeker}` }).send({ name: '李娜', phone: '13905509999', villageCode: V1 }).expect(201)).body;
    expect((await api('get', '/me/policies', seeker).expect(200)).body.items.map((x: { policy: { id: string } }) => x.policy.id)).not.toContain(policy.id);
    // The liaison vouches for the key group and fills in the schooling.
    await api('patch', `/residents/${me.id}`, 'lia1').send({ keyGroups: ['graduate'], education: 'bachelor', graduationDate: monthsAgo(5) }).expect(200);
    await settle();
    const mine = (await api('get', '/me/policies', seeker).expect(200)).body.items.find((x: { policy: { id: string } }) => x.policy.id === policy.id);
    expect(mine.reasons).toEqual(['您是高校毕业生', '毕业不到2年', '您的学历是本科']);
    expect(mine.policy).toMatchObject({ materials: '身份证、毕业证', howToApply: expect.stringContaining('便民服务中心') });
    const inbox = (await api('get', '/notifications?limit=100', seeker).expect(200)).body.items.filter((x: { title: string }) => x.title === '可能适合您的政策：毕业生补贴（本人看）');
    expect(inbox).toHaveLength(1);
    await api('get', '/me/policies', 'lia1').expect(403);
  });

  it('liaisons work through their own villagers on the list; the district sees the funnel', async () => {
    if (!db) return;
    const policy = (await api('post', '/policies', 'admin').send(graduatePolicy({ title: '毕业生补贴（名单）' })).expect(201)).body;
    const mine = await graduate(V1, 'lia1');
    const theirs = await graduate(V2, 'lia2');
    await t.app.get(PolicyMatcher).pass({ policyIds: [policy.id] });
    const list = async (who: string) => (await api('get', `/policies/${policy.id}/eligible?limit=100`, who).expect(200)).body.items as { subjectId: string; outreach: string; reasons: string[]; name: string }[];
    expect((await list('lia1')).map((x) => x.subjectId)).toContain(mine.id);
    expect((await list('lia1')).map((x) => x.subjectId)).not.toContain(theirs.id);
    expect((await list('lia2')).map((x) => x.subjectId)).toContain(theirs.id);
    expect((await list('admin')).length).toBeGreaterThanOrEqual(2);
    expect((await list('lia1')).find((x) => x.subjectId === mine.id)).toMatchObject({ outreach: 'not_contacted', reasons: ['您是高校毕业生', '毕业不到2年', '您的学历是大专'] });
    await api('get', `/policies/${policy.id}/eligible`, 'boss').expect(403);
    const mark = (who: string, id: string, body: object) => api('put', `/policies/${policy.id}/outreach/${id}`, who).send(body);
    expect((await mark('lia1', mine.id, { outreach: 'applying', note: '下周一带材料去镇上办' }).expect(200)).body).toMatchObject({ outreach: 'applying', outreachNote: '下周一带材料去镇上办' });
    expect((await mark('lia1', theirs.id, { outreach: 'told' }).expect(404)).body.message).toBe('这个人不在这项政策的名单里');
    for (const body of [{ outreach: 'done' }, {}, { outreach: null }, { outreach: 'told', note: '长'.repeat(300) }]) await mark('lia1', mine.id, body).expect(400);
    await mark('lia1', '00000000-0000-4000-8000-000000000000', { outreach: 'told' }).expect(404);
    await mark('boss', mine.id, { outreach: 'told' }).expect(403);
    await mark('lia2', theirs.id, { outreach: 'received' }).expect(200);
    const stats = (await api('get', '/stats/policies', 'admin').expect(200)).body.items.find((x: { policyId: string }) => x.policyId === policy.id);
    const onList = (await list('admin')).length;
    expect(stats).toMatchObject({ eligible: onList, notified: onList, told: 2, applying: 2, received: 1 });
    expect(stats.byTown.find((x: { code: string }) => x.code === T1)).toMatchObject({ applying: 1, received: 0 });
    const townView = (await api('get', '/stats/policies', 'off1').expect(200)).body.items.find((x: { policyId: string }) => x.policyId === policy.id);
    expect(townView).toMatchObject({ eligible: stats.byTown.find((x: { code: string }) => x.code === T1).eligible, applying: 1, received: 0 });
    await api('get', '/stats/policies', 'boss').expect(403);
  });

  it('finds firms by the key-group people they hired', async () => {
    if (!db) return;
    const employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1G3R', '山亭区桑村豆制品有限公司');
    const policy = (await api('post', '/policies', 'admin').send(graduatePolicy({ title: '吸纳就业补贴', audience: 'employer', rules: [{ field: 'keyGroupHires12m', op: 'gte', value: 1 }, { field: 'industryCode', op: 'in', value: ['C'] }] })).expect(201)).body;
    await settle();
    expect((await api('get', '/me/policies', 'boss').expect(200)).body.items).toEqual([]);
    const person = (await api('post', '/residents', 'lia1').send(residentBody(611, { villageCode: V1, phone: '13905506111', keyGroups: ['hard_to_employ'] })).expect(201)).body;
    const hire = (await api('post', '/hires', 'lia1').send({ residentId: person.id, employerId, startDate: TODAY }).expect(201)).body;
    await api('post', `/hires/${hire.id}/verify`, 'admin').send({ reason: '电话核实本人已在岗' }).expect(200);
    await t.app.get(PolicyMatcher).pass({ policyIds: [policy.id] });
    const mine = (await api('get', '/me/policies', 'boss').expect(200)).body.items;
    expect(mine).toMatchObject([{ policy: { id: policy.id }, reasons: ['近12个月吸纳重点人群1人', '贵单位属于制造业'] }]);
    const told = (await api('get', '/notifications?limit=100', 'boss').expect(200)).body.items.filter((x: { title: string }) => x.title === '贵单位可能符合：吸纳就业补贴');
    expect(told).toHaveLength(1);
  });
});
