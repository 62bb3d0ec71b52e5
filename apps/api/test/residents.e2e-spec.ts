import request from 'supertest';
import { Resident } from '../src/residents/entities/resident.entity';
import { idNumber } from './support/identity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const V1 = '370406103200'; // 桑村镇 桑村村
const V1B = '370406103201'; // 桑村镇 户口村
const V2 = '370406105200'; // 城头镇 东城头村
const flipCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe.each(DATABASE_KINDS)('residents on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    const logins: Record<string, object> = {
      lia1: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      lia1b: { role: 'liaison', name: '户口村联络员', regionCode: V1B },
      town: { role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' },
      lia2: { role: 'liaison', name: '城头联络员', regionCode: V2 },
      admin: { role: 'admin', name: '区人社局' },
      officer: { role: 'admin', name: '城头镇干部', regionCode: '370406105' },
      seeker: { role: 'seeker', name: '王秀英' },
      seeker2: { role: 'seeker', name: '冒名者' },
      employer: { role: 'employer', name: '张经理' },
    };
    Object.assign(tok, await devLogins(t.server, logins));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({
    get: (path: string) => request(t.server).get(`${API}${path}`).set('Authorization', `Bearer ${tok[who]}`),
    post: (path: string, body?: object) => request(t.server).post(`${API}${path}`).set('Authorization', `Bearer ${tok[who]}`).send(body),
    patch: (path: string, body: object) => request(t.server).patch(`${API}${path}`).set('Authorization', `Bearer ${tok[who]}`).send(body),
    put: (path: string, body: object) => request(t.server).put(`${API}${path}`).set('Authorization', `Bearer ${tok[who]}`).send(body),
  });

  let seq = 100;
  const person = (over: Record<string, unknown> = {}) => ({
    name: '王秀英',
    idNumber: idNumber('370406', '19710315', String(seq++)),
    phone: `139054${String(seq).padStart(5, '0')}`,
    villageCode: V1,
    education: 'junior_high',
    skills: ['电焊', '叉车'],
    desiredOccupations: ['6-05-01'],
    maxCommuteKm: 15,
    expectedWageMin: 150,
    wageUnit: 'day',
    availability: ['full_time', 'gig'],
    keyGroups: ['returning_migrant'],
    consent: { method: 'signature', at: '2026-11-20T09:00:00+08:00' },
    ...over,
  });

  it('registers a person: masked, derived gender and birth date, first history entry', async () => {
    if (!db) return;
    const p = person();
    const res = await as('lia1').post('/residents', p).expect(201);
    expect(res.body).toMatchObject({ name: '王秀英', gender: 'female', birthDate: '1971-03-15', villageName: '桑村村委会', townName: '桑村镇', status: 'seeking', consent: { method: 'signature', takenBy: '桑村联络员' } });
    expect(res.body.idNumber).toBe(`3704**********${p.idNumber.slice(-4)}`);
    expect(res.body.phone).toBe(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(p.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(p.phone);
    const detail = await as('lia1').get(`/residents/${res.body.id}`).expect(200);
    expect(detail.body.history).toEqual([expect.objectContaining({ status: 'seeking', previousStatus: null, changedBy: expect.objectContaining({ name: '桑村联络员', role: 'liaison' }) })]);
  });

  it('keeps no plaintext 身份证号 or phone in the database rows', async () => {
    if (!db) return;
    const p = person();
    const { body } = await as('lia1').post('/residents', p).expect(201);
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM residents WHERE id = ?', [body.id]);
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain(p.idNumber);
    expect(raw).not.toContain(p.phone);
    expect(raw).not.toContain(p.idNumber.slice(6, 14));
    const entity = await t.dataSource.getRepository(Resident).findOneByOrFail({ id: body.id });
    expect(entity.idNumberCipher?.startsWith('v1:')).toBe(true);
  });

  it('refuses a second registration of the same 身份证号 with 409 and the existing id', async () => {
    if (!db) return;
    const p = person();
    const first = await as('lia1').post('/residents', p).expect(201);
    const again = await as('town').post('/residents', { ...p, phone: '13700000001', villageCode: V1B }).expect(409);
    expect(again.body).toMatchObject({ statusCode: 409, existingId: first.body.id });
    expect(again.body.message).toMatch(/已经登记/);
  });

  it.each([
    ['a bad check digit', { idNumber: flipCheck(idNumber('370406', '19710315', '999')) }, 'idNumber'],
    ['a date that does not exist', { idNumber: idNumber('370406', '19710230', '123') }, 'idNumber'],
    ['a bad phone', { phone: '12345' }, 'phone'],
    ['a village outside the district', { villageCode: '370402103200' }, 'villageCode'],
    ['a village that does not exist', { villageCode: '370406103999' }, 'villageCode'],
    ['an unknown occupation', { desiredOccupations: ['9-99-99'] }, 'desiredOccupations'],
    ['an occupation code of the wrong shape', { desiredOccupations: ['电焊'] }, 'desiredOccupations'],
    ['no availability', { availability: [] }, 'availability'],
    ['no consent', { consent: undefined }, 'consent'],
    ['a consent in the future', { consent: { method: 'verbal', at: '2099-01-01T00:00:00+08:00' } }, 'consent.at'],
    ['a wage without a unit', { wageUnit: undefined }, 'wageUnit'],
    ['an unknown field', { salary: 5 }, 'salary'],
    ['a name of digits', { name: '12345' }, 'name'],
  ])('refuses %s with a Chinese 400 naming the field, writing nothing', async (_label, over, field) => {
    if (!db) return;
    const before = await t.dataSource.getRepository(Resident).count();
    const body = person(over);
    if ('consent' in over && over.consent === undefined) delete (body as Record<string, unknown>).consent;
    if ('wageUnit' in over && over.wageUnit === undefined) delete (body as Record<string, unknown>).wageUnit;
    const res = await as('admin').post('/residents', body).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors.map((e: { field: string }) => e.field.split('.')[0])).toContain(field.split('.')[0]);
    expect(await t.dataSource.getRepository(Resident).count()).toBe(before);
  });

  it('keeps liaisons to their own area: 403 to register, 404 to read, absent from lists and searches', async () => {
    if (!db) return;
    await as('lia1').post('/residents', person({ villageCode: V2 })).expect(403);
    const p = person({ villageCode: V1 });
    const { body } = await as('lia1').post('/residents', p).expect(201);
    await as('lia2').get(`/residents/${body.id}`).expect(404);
    await as('lia1b').get(`/residents/${body.id}`).expect(404);
    await as('lia2').patch(`/residents/${body.id}`, { status: 'employed' }).expect(404);
    const ids = async (who: string, q = '') => (await as(who).get(`/residents${q}`).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(await ids('lia2')).not.toContain(body.id);
    expect(await ids('lia2', `?q=${p.idNumber}`)).toEqual([]);
    expect(await ids('lia2', `?q=${p.phone}`)).toEqual([]);
    expect(await ids('lia1b')).not.toContain(body.id);
    await as('lia2').get(`/residents?villageCode=${V1}`).expect(403);
    await as('lia1').get('/residents?townCode=370406103').expect(403);
    expect(await ids('town')).toContain(body.id);
    expect(await ids('admin', `?villageCode=${V1}`)).toContain(body.id);
    expect(await ids('officer')).not.toContain(body.id);
    await as('officer').get(`/residents/${body.id}`).expect(404);
  });

  it('is closed to seekers and employers, and to anonymous callers', async () => {
    if (!db) return;
    await as('seeker').get('/residents').expect(403);
    await as('employer').post('/residents', person()).expect(403);
    await request(t.server).get(`${API}/residents`).expect(401);
  });

  it('finds a person by part of the name, a full 身份证号 or a phone number, and filters', async () => {
    if (!db) return;
    const p = person({ name: '欧阳小明', keyGroups: ['veteran'] });
    const { body } = await as('lia1').post('/residents', p).expect(201);
    const find = async (q: string) => (await as('lia1').get(`/residents?${q}`).expect(200)).body.items.map((r: { id: string }) => r.id);
    expect(await find(`q=${encodeURIComponent('小明')}`)).toEqual([body.id]);
    expect(await find(`q=${p.idNumber}`)).toEqual([body.id]);
    expect(await find(`q=${p.phone}`)).toEqual([body.id]);
    expect(await find('keyGroup=veteran')).toContain(body.id);
    expect(await find('keyGroup=disabled')).not.toContain(body.id);
    expect(await find(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('pages through a list with the cursor, each person once', async () => {
    if (!db) return;
    for (let i = 0; i < 5; i++) await as('lia1b').post('/residents', person({ villageCode: V1B })).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await as('lia1b').get(`/residents?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await as('lia1b').get('/residents?cursor=nonsense').expect(400);
    await as('lia1b').get('/residents?status=rich').expect(400);
  });

  it('changes a status and keeps the history with who, when and why', async () => {
    if (!db) return;
    const { body } = await as('lia1').post('/residents', person()).expect(201);
    const res = await as('lia1').patch(`/residents/${body.id}`, { status: 'employed', statusNote: '在桑村塑编厂上班' }).expect(200);
    expect(res.body.status).toBe('employed');
    await as('lia1').patch(`/residents/${body.id}`, { phone: '13811112222' }).expect(200);
    const detail = (await as('lia1').get(`/residents/${body.id}`).expect(200)).body;
    expect(detail.phone).toBe('138****2222');
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['seeking', 'employed']);
    expect(detail.history[1]).toMatchObject({ previousStatus: 'seeking', note: '在桑村塑编厂上班' });
    await as('lia1').patch(`/residents/${body.id}`, { villageCode: V2 }).expect(403);
    // A given 身份证号 never changes (only a record made without one gets it later).
    expect((await as('lia1').patch(`/residents/${body.id}`, { idNumber: '11010519491231002X' }).expect(409)).body.message).toBe('身份证号登记以后不能改；登记错了请联系区人社局');
    await as('lia1').patch(`/residents/${body.id}`, { status: 'retired' }).expect(400);
  });

  it('reveals full values only to an admin with a reason, and logs every reveal', async () => {
    if (!db) return;
    const p = person();
    const { body } = await as('lia1').post('/residents', p).expect(201);
    await as('lia1').post(`/residents/${body.id}/reveal`, { reason: '核实身份需要' }).expect(403);
    await as('admin').post(`/residents/${body.id}/reveal`, {}).expect(400);
    await as('officer').post(`/residents/${body.id}/reveal`, { reason: '核实身份需要' }).expect(404);
    const shown = await as('admin').post(`/residents/${body.id}/reveal`, { reason: '核实就业登记，需要联系本人' }).expect(200);
    expect(shown.body).toEqual({ id: body.id, idNumber: p.idNumber, phone: p.phone });
    const audit = (await as('admin').get(`/audit?action=resident.reveal&targetId=${body.id}`).expect(200)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'resident.reveal', actor: { name: '区人社局', role: 'admin' }, detail: { reason: '核实就业登记，需要联系本人' } });
    expect(JSON.stringify(audit)).not.toContain(p.idNumber);
    await as('officer').get('/audit').expect(403);
    await as('lia1').get('/audit').expect(403);
  });

  it('gives a liaison the full phone of their own villager for a call (打电话), no reason asked, logged without the number', async () => {
    if (!db) return;
    const p = person();
    const { body } = await as('lia1').post('/residents', p).expect(201);
    expect(body.phone).not.toBe(p.phone);
    const called = await as('lia1').post(`/residents/${body.id}/call`).expect(200);
    expect(called.body).toEqual({ phone: p.phone });
    // Their 镇街's liaison and an admin of the area may call too; another 村居's or 镇街's may not even learn the record exists.
    await as('town').post(`/residents/${body.id}/call`).expect(200);
    await as('admin').post(`/residents/${body.id}/call`).expect(200);
    const elsewhere = await as('lia2').post(`/residents/${body.id}/call`).expect(404);
    expect(elsewhere.body.message).toBe('居民档案不存在或不在您的管辖范围内');
    await as('lia1b').post(`/residents/${body.id}/call`).expect(404);
    await as('officer').post(`/residents/${body.id}/call`).expect(404);
    await as('seeker').post(`/residents/${body.id}/call`).expect(403);
    await as('employer').post(`/residents/${body.id}/call`).expect(403);
    await request(t.server).post(`${API}/residents/${body.id}/call`).expect(401);
    await as('lia1').post('/residents/not-a-uuid/call').expect(404);
    const audit = (await as('admin').get(`/audit?action=resident.call&targetId=${body.id}`).expect(200)).body.items;
    expect(audit).toHaveLength(3);
    expect(audit.map((a: { actor: { name: string } }) => a.actor.name).sort()).toEqual(['区人社局', '桑村联络员', '桑村镇联络员'].sort());
    expect(JSON.stringify(audit)).not.toContain(p.phone);
    expect(audit[0].detail).toEqual({});
  });

  it('links a seeker who signs up with a 身份证号 a liaison registered to that same record', async () => {
    if (!db) return;
    const p = person({ name: '李桂英' });
    const made = await as('lia1').post('/residents', p).expect(201);
    await as('seeker').get('/me/profile').expect(404);
    const mine = await as('seeker').put('/me/profile', { ...p, phone: '13966667777', consent: { method: 'self', at: new Date().toISOString() } }).expect(200);
    expect(mine.body.id).toBe(made.body.id);
    expect(mine.body.selfRegistered).toBe(true);
    expect(mine.body.phone).toBe('139****7777');
    expect((await as('seeker').get('/me/profile').expect(200)).body.id).toBe(made.body.id);
    expect(await t.dataSource.getRepository(Resident).countBy({ idNumberHash: (await t.dataSource.getRepository(Resident).findOneByOrFail({ id: made.body.id })).idNumberHash ?? 'missing' })).toBe(1);
    // Another account cannot take the same person over.
    await as('seeker2').put('/me/profile', { ...p, consent: { method: 'self', at: new Date().toISOString() } }).expect(409);
    // Nor can the owner switch to someone else's 身份证号.
    await as('seeker').put('/me/profile', { ...person(), consent: { method: 'self', at: new Date().toISOString() } }).expect(409);
    await as('lia1').get('/me/profile').expect(403);
  });

  it('creates a seeker\'s own record when nobody registered them', async () => {
    if (!db) return;
    const p = person({ name: '赵自己', villageCode: V2 });
    const res = await as('seeker2').put('/me/profile', { ...p, consent: { method: 'self', at: new Date().toISOString() } }).expect(200);
    expect(res.body).toMatchObject({ selfRegistered: true, consent: expect.objectContaining({ method: 'self' }) });
    expect((await as('lia2').get(`/residents/${res.body.id}`).expect(200)).body.name).toBe('赵自己');
  });
});
