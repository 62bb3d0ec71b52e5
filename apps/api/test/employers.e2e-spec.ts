import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Employer } from '../src/employers/entities/employer.entity';
import { creditCode } from './support/identity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

const employerBody = (over: Record<string, unknown> = {}) => ({
  name: '山亭区桑村塑编制品有限公司',
  creditCode: creditCode('MA3C4X7B'),
  industryCode: 'C',
  townCode: '370406103',
  address: '桑村镇工业园',
  contactName: '张经理',
  contactPhone: '13905462222',
  ...over,
});

describe.each(DATABASE_KINDS)('employers on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      boss: { role: 'employer', name: '张经理' },
      colleague: { role: 'employer', name: '小李' },
      rival: { role: 'employer', name: '李老板' },
      admin: { role: 'admin', name: '管理员' },
      officer: { role: 'admin', name: '桑村镇干部', regionCode: '370406103' },
      officerOut: { role: 'admin', name: '北庄镇干部', regionCode: '370406104' },
      liaison: { role: 'liaison', name: '桑村联络员', regionCode: '370406103201' },
      seeker: { role: 'seeker', name: '王大姐' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  it('registers an employer: 201, pending, phone masked and encrypted at rest, the user becomes its member', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/employers`).set(as('boss')).send(employerBody()).expect(201);
    employerId = res.body.id;
    expect(res.body).toMatchObject({ verification: 'pending', industryName: '制造业', townName: '桑村镇', contactPhone: '139****2222' });
    const row = await t.dataSource.getRepository(Employer).findOneByOrFail({ id: employerId });
    expect(row.contactPhoneCipher).not.toContain('13905462222');
    expect((await request(t.server).get(`${API}/employers/mine`).set(as('boss')).expect(200)).body.id).toBe(employerId);
  });

  it.each([
    ['a bad check character', { creditCode: creditCode('MA3C4X7B').slice(0, 17) + (creditCode('MA3C4X7B').endsWith('0') ? '1' : '0') }, 'creditCode'],
    ['a 17-character code', { creditCode: '91370406MA3C4X7B2' }, 'creditCode'],
    ['an unknown industry', { industryCode: 'Z' }, 'industryCode'],
    ['a town outside 山亭', { townCode: '370402001' }, 'townCode'],
    ['a bad phone', { contactPhone: '12345' }, 'contactPhone'],
    ['an empty name', { name: ' ' }, 'name'],
  ])('refuses %s with a Chinese 400 naming the field', async (_label, over, field) => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/employers`).set(as('rival')).send(employerBody(over)).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a second registration of the same credit code (409) and a second employer for one user (409)', async () => {
    if (!db) return;
    const dup = await request(t.server).post(`${API}/employers`).set(as('rival')).send(employerBody({ name: '另一家' })).expect(409);
    expect(dup.body.message).toContain('加入码');
    await request(t.server).post(`${API}/employers`).set(as('boss')).send(employerBody({ creditCode: creditCode('MA3C4X7C') })).expect(409);
  });

  it('lets only members and admins see or change it; staff cannot register a firm', async () => {
    if (!db) return;
    await request(t.server).get(`${API}/employers/${employerId}`).set(as('rival')).expect(403);
    await request(t.server).patch(`${API}/employers/${employerId}`).set(as('rival')).send({ address: '桑村镇别处' }).expect(403);
    await request(t.server).get(`${API}/employers/${employerId}`).set(as('admin')).expect(200);
    await request(t.server).post(`${API}/employers`).set(as('admin')).send(employerBody({ creditCode: creditCode('MA3C4X7D') })).expect(403);
    await request(t.server).get(`${API}/employers/${randomUUID()}`).set(as('admin')).expect(404);
    await request(t.server).get(`${API}/employers/mine`).set(as('rival')).expect(404);
  });

  it('admin verification: a refusal needs a reason the employer sees; approval is audit-logged', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/employers/${employerId}/verify`).set(as('boss')).send({ approve: true }).expect(403);
    await request(t.server).post(`${API}/employers/${employerId}/verify`).set(as('admin')).send({ approve: false }).expect(400);
    const refused = await request(t.server).post(`${API}/employers/${employerId}/verify`).set(as('admin')).send({ approve: false, reason: '营业执照名称不一致' }).expect(200);
    expect(refused.body).toMatchObject({ verification: 'rejected', verificationReason: '营业执照名称不一致' });
    expect((await request(t.server).get(`${API}/employers/mine`).set(as('boss'))).body.verificationReason).toBe('营业执照名称不一致');
    const ok = await request(t.server).post(`${API}/employers/${employerId}/verify`).set(as('admin')).send({ approve: true }).expect(200);
    expect(ok.body).toMatchObject({ verification: 'verified', verificationReason: null });
    expect(ok.body.verifiedAt).toBeTruthy();
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'employer.verify', targetId: employerId })).toBe(1);
    const pending = await request(t.server).get(`${API}/employers?verification=verified`).set(as('admin')).expect(200);
    expect(pending.body.items.map((e: { id: string }) => e.id)).toContain(employerId);
    await request(t.server).get(`${API}/employers`).set(as('boss')).expect(403);
  });

  it('an admin of its 镇街 calls the contact person (打电话): the full phone, logged without the number', async () => {
    if (!db) return;
    const called = await request(t.server).post(`${API}/employers/${employerId}/call`).set(as('officer')).expect(200);
    expect(called.body).toEqual({ phone: '13905462222' });
    await request(t.server).post(`${API}/employers/${employerId}/call`).set(as('admin')).expect(200);
    const out = await request(t.server).post(`${API}/employers/${employerId}/call`).set(as('officerOut')).expect(403);
    expect(out.body.message).toBe('该地区不在您的管辖范围内');
    for (const who of ['liaison', 'boss', 'seeker']) await request(t.server).post(`${API}/employers/${employerId}/call`).set(as(who)).expect(403);
    await request(t.server).post(`${API}/employers/${randomUUID()}/call`).set(as('admin')).expect(404);
    await request(t.server).post(`${API}/employers/nope/call`).set(as('admin')).expect(404);
    const rows = await t.dataSource.getRepository(AuditLog).findBy({ action: 'employer.call', targetId: employerId });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.actorRole === 'admin' && r.targetType === 'employer')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('13905462222');
    // The employer's page still shows the masked number.
    expect((await request(t.server).get(`${API}/employers/${employerId}`).set(as('officer')).expect(200)).body.contactPhone).toBe('139****2222');
  });

  it('changing the name sends a verified employer back to 待认证; other fields do not', async () => {
    if (!db) return;
    const moved = await request(t.server).patch(`${API}/employers/${employerId}`).set(as('boss')).send({ address: '桑村镇工业园5号' }).expect(200);
    expect(moved.body.verification).toBe('verified');
    const renamed = await request(t.server).patch(`${API}/employers/${employerId}`).set(as('boss')).send({ name: '山亭区桑村新塑编有限公司' }).expect(200);
    expect(renamed.body.verification).toBe('pending');
    await request(t.server).post(`${API}/employers/${employerId}/verify`).set(as('admin')).send({ approve: true }).expect(200);
  });

  it('a colleague joins with a code; a wrong code is a 400, joining twice a 409', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/employers/${employerId}/join-codes`).set(as('rival')).expect(403);
    const code = (await request(t.server).post(`${API}/employers/${employerId}/join-codes`).set(as('boss')).expect(201)).body;
    expect(code.code).toMatch(/^[A-Z2-9]{6}$/);
    await request(t.server).post(`${API}/employers/join`).set(as('colleague')).send({ code: 'AAAAAA' }).expect(400);
    await request(t.server).post(`${API}/employers/join`).set(as('colleague')).send({ code: 'x' }).expect(400);
    const joined = await request(t.server).post(`${API}/employers/join`).set(as('colleague')).send({ code: code.code.toLowerCase() }).expect(200);
    expect(joined.body.id).toBe(employerId);
    expect((await request(t.server).get(`${API}/employers/mine`).set(as('colleague')).expect(200)).body.id).toBe(employerId);
    await request(t.server).post(`${API}/employers/join`).set(as('colleague')).send({ code: code.code }).expect(409);
  });
});
