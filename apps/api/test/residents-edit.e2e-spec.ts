import { PassThrough } from 'node:stream';
import request from 'supertest';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { idNumber, residentBody } from './support/identity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * Editing the real-name ledger: the 身份证号 duplicate check while it is typed (POST /residents/id-check),
 * PATCH keeping what it was not sent (the expected wage and the commute distance are cleared only by an
 * explicit null), 想去的镇街, and a seeker's own PUT /me/profile keeping the 重点人群 a liaison vouched for.
 */

const API = '/api/v1';
const VA = '370406103201'; // 桑村镇户口村
const VB = '370406103202'; // 桑村镇, another 村
const V_OTHER_TOWN = '370406104201'; // 北庄镇毛宅村

describe.each(DATABASE_KINDS)('editing residents on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  const logs: string[] = [];

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const idCheck = (who: string, body: unknown) => request(t.server).post(`${API}/residents/id-check`).set(as(who)).send(body as object);
  const register = async (who: string, n: number, over: Record<string, unknown> = {}) => {
    const res = await request(t.server).post(`${API}/residents`).set(as(who)).send(residentBody(n, { villageCode: VA, ...over }));
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string } & Record<string, unknown>;
  };
  const patch = (who: string, id: string, body: unknown) => request(t.server).patch(`${API}/residents/${id}`).set(as(who)).send(body as object);
  const read = async (who: string, id: string) => (await request(t.server).get(`${API}/residents/${id}`).set(as(who)).expect(200)).body;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')));
    t = await startTestApp(db, { LOG_LEVEL: 'info' }, { logStream: stream });
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      liaA: { role: 'liaison', name: '户口村联络员', regionCode: VA },
      liaB: { role: 'liaison', name: '二村联络员', regionCode: VB },
      townLiaison: { role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' },
      otherTown: { role: 'liaison', name: '毛宅村联络员', regionCode: V_OTHER_TOWN },
      boss: { role: 'employer', name: '张经理' },
      seeker: { role: 'seeker', name: '刘芳' },
      seeker2: { role: 'seeker', name: '王秀英' },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('POST /residents/id-check', () => {
    it('says at once whether a typed 身份证号 is registered, with the record only for the caller’s own area', async () => {
      if (!db) return;
      const mine = await register('liaA', 401);
      const number = residentBody(401).idNumber as string;
      expect((await idCheck('liaA', { idNumber: number }).expect(200)).body).toEqual({ valid: true, exists: true, residentId: mine.id, villageName: '户口村委会' });
      // A lower-case x and spaces around it are the same number.
      const withX = Array.from({ length: 900 }, (_, i) => idNumber('370406', '19660101', String(100 + i))).find((n) => n.endsWith('X')) as string;
      const xResident = await register('liaA', 402, { idNumber: withX });
      expect((await idCheck('liaA', { idNumber: ` ${withX.toLowerCase()} ` }).expect(200)).body.residentId).toBe(xResident.id);
      // The 镇街 liaison and the admins see it too: it lies in their area.
      for (const who of ['townLiaison', 'admin']) expect((await idCheck(who, { idNumber: number }).expect(200)).body).toMatchObject({ exists: true, residentId: mine.id, villageName: '户口村委会' });
      // Another 村居 or 镇街: "已登记" and whom to ask, nothing about the person.
      for (const who of ['liaB', 'otherTown']) {
        const other = (await idCheck(who, { idNumber: number }).expect(200)).body;
        expect(other).toEqual({ valid: true, exists: true, servicePhone: '12333' });
      }
      // Not registered anywhere.
      expect((await idCheck('liaA', { idNumber: idNumber('370406', '19900101', '777') }).expect(200)).body).toEqual({ valid: true, exists: false });
    });

    it('answers a mistyped number with valid: false and the reason, and refuses garbage with a 400', async () => {
      if (!db) return;
      const good = idNumber('370406', '19900101', '778');
      const wrongDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const bad = (await idCheck('liaA', { idNumber: wrongDigit }).expect(200)).body;
      expect(bad).toMatchObject({ valid: false, exists: false });
      expect(bad.message).toMatch(/[\u4e00-\u9fff]/);
      expect((await idCheck('liaA', { idNumber: '3704' }).expect(200)).body.valid).toBe(false);
      for (const body of [{}, { idNumber: 370406 }, { idNumber: null }, { idNumber: 'x'.repeat(40) }]) {
        const res = await idCheck('liaA', body).expect(400);
        expect(res.body.errors[0].field).toBe('idNumber');
      }
    });

    it('is for liaisons and admins only', async () => {
      if (!db) return;
      const number = residentBody(401).idNumber;
      for (const who of ['boss', 'seeker']) {
        const res = await idCheck(who, { idNumber: number }).expect(403);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      }
      await request(t.server).post(`${API}/residents/id-check`).send({ idNumber: number }).expect(401);
    });

    it('never writes the number to the logs or the audit log', async () => {
      if (!db) return;
      const number = residentBody(401).idNumber as string;
      await idCheck('liaB', { idNumber: number }).expect(200);
      await new Promise((r) => setTimeout(r, 50));
      expect(logs.join('')).toContain('/residents/id-check');
      expect(logs.join('')).not.toContain(number);
      const audit = await t.dataSource.getRepository(AuditLog).find();
      expect(JSON.stringify(audit)).not.toContain(number);
    });
  });

  describe('PATCH /residents/:id', () => {
    it('keeps the expected wage and the commute distance when they are not sent', async () => {
      if (!db) return;
      const r = await register('liaA', 410, { expectedWageMin: 150, wageUnit: 'day', maxCommuteKm: 15 });
      const res = await patch('liaA', r.id, { name: '王秀兰', skills: ['电焊', '缝纫'], availability: ['full_time', 'gig'] }).expect(200);
      expect(res.body).toMatchObject({ name: '王秀兰', expectedWageMin: 150, wageUnit: 'day', maxCommuteKm: 15 });
      expect(await read('liaA', r.id)).toMatchObject({ expectedWageMin: 150, wageUnit: 'day', maxCommuteKm: 15, skills: ['电焊', '缝纫'] });
      // A new wage keeps its unit when none is sent; a new unit alone applies to the wage on record.
      expect((await patch('liaA', r.id, { expectedWageMin: 180 }).expect(200)).body).toMatchObject({ expectedWageMin: 180, wageUnit: 'day', maxCommuteKm: 15 });
      expect((await patch('liaA', r.id, { wageUnit: 'month', expectedWageMin: 4000 }).expect(200)).body).toMatchObject({ expectedWageMin: 4000, wageUnit: 'month' });
    });

    it('clears them only on an explicit null (不限), the wage together with its unit', async () => {
      if (!db) return;
      const r = await register('liaA', 411, { expectedWageMin: 3000, wageUnit: 'month', maxCommuteKm: 20 });
      expect((await patch('liaA', r.id, { expectedWageMin: null }).expect(200)).body).toMatchObject({ expectedWageMin: null, wageUnit: null, maxCommuteKm: 20 });
      expect((await patch('liaA', r.id, { maxCommuteKm: null }).expect(200)).body).toMatchObject({ expectedWageMin: null, maxCommuteKm: null });
      expect(await read('liaA', r.id)).toMatchObject({ expectedWageMin: null, wageUnit: null, maxCommuteKm: null });
      // Set again: a wage now needs its unit.
      const noUnit = await patch('liaA', r.id, { expectedWageMin: 3200 }).expect(400);
      expect(noUnit.body.errors[0].field).toBe('wageUnit');
      expect((await patch('liaA', r.id, { expectedWageMin: 3200, wageUnit: 'month', maxCommuteKm: 10 }).expect(200)).body).toMatchObject({ expectedWageMin: 3200, wageUnit: 'month', maxCommuteKm: 10 });
    });

    it('refuses null for anything else, and nonsense for the two', async () => {
      if (!db) return;
      const r = await register('liaA', 412, { expectedWageMin: 150, wageUnit: 'day' });
      for (const body of [{ name: null }, { skills: null }, { wageUnit: null }, { desiredTownCodes: null }, { expectedWageMin: 'abc' }, { maxCommuteKm: -1 }, { maxCommuteKm: 2.5 }]) {
        const res = await patch('liaA', r.id, body).expect(400);
        expect(res.body.errors[0].field).toBe(Object.keys(body)[0]);
      }
      expect(await read('liaA', r.id)).toMatchObject({ expectedWageMin: 150, wageUnit: 'day', name: '王秀英' });
    });

    it('saves 想去的镇街 and keeps them when they are not sent', async () => {
      if (!db) return;
      const r = await register('liaA', 413);
      expect(r.desiredTownCodes).toEqual([]);
      expect((await patch('liaA', r.id, { desiredTownCodes: ['370406103', '370406104'] }).expect(200)).body.desiredTownCodes).toEqual(['370406103', '370406104']);
      expect((await patch('liaA', r.id, { skills: ['叉车'] }).expect(200)).body.desiredTownCodes).toEqual(['370406103', '370406104']);
      const unknown = await patch('liaA', r.id, { desiredTownCodes: ['370406199'] }).expect(400);
      expect(unknown.body.errors[0].field).toMatch(/desiredTownCodes/);
      expect((await patch('liaA', r.id, { desiredTownCodes: [] }).expect(200)).body.desiredTownCodes).toEqual([]);
    });
  });

  describe('PUT /me/profile', () => {
    const profile = (n: number, over: Record<string, unknown> = {}) => {
      const { consent: _consent, ...rest } = residentBody(n, { villageCode: VA });
      return { ...rest, consent: { method: 'self', at: new Date().toISOString() }, ...over };
    };

    it('keeps the 重点人群 a liaison vouched for: a seeker cannot set or clear them, and is not refused for trying', async () => {
      if (!db) return;
      const r = await register('liaA', 420, { keyGroups: ['veteran', 'hard_to_employ'] });
      // Linking: the person's own edit, with key groups cleared in the body.
      const linked = await request(t.server).put(`${API}/me/profile`).set(as('seeker')).send(profile(420, { name: '王秀英', keyGroups: [], skills: ['缝纫'] })).expect(200);
      expect(linked.body).toMatchObject({ id: r.id, skills: ['缝纫'], keyGroups: ['veteran', 'hard_to_employ'] });
      // Updating: others added, or the field left out.
      await request(t.server).put(`${API}/me/profile`).set(as('seeker')).send(profile(420, { keyGroups: ['disabled'] })).expect(200);
      await request(t.server).put(`${API}/me/profile`).set(as('seeker')).send(profile(420)).expect(200);
      expect((await request(t.server).get(`${API}/me/profile`).set(as('seeker')).expect(200)).body.keyGroups).toEqual(['veteran', 'hard_to_employ']);
      // The liaison still changes them.
      expect((await patch('liaA', r.id, { keyGroups: ['veteran'] }).expect(200)).body.keyGroups).toEqual(['veteran']);
      expect((await request(t.server).put(`${API}/me/profile`).set(as('seeker')).send(profile(420, { keyGroups: [] })).expect(200)).body.keyGroups).toEqual(['veteran']);
    });

    it('gives a seeker who registers themself no key groups, whatever the body says', async () => {
      if (!db) return;
      const res = await request(t.server).put(`${API}/me/profile`).set(as('seeker2')).send(profile(421, { keyGroups: ['graduate', 'disabled'] })).expect(200);
      expect(res.body.keyGroups).toEqual([]);
      // A liaison of the 村居 can vouch for them afterwards.
      expect((await patch('liaA', res.body.id, { keyGroups: ['graduate'] }).expect(200)).body.keyGroups).toEqual(['graduate']);
    });

    it('still refuses a key group that does not exist (400), though it would be ignored', async () => {
      if (!db) return;
      const res = await request(t.server).put(`${API}/me/profile`).set(as('seeker2')).send(profile(421, { keyGroups: ['vip'] })).expect(400);
      expect(res.body.errors[0].field).toMatch(/keyGroups/);
    });
  });
});
