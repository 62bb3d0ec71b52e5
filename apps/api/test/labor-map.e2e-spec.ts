import request from 'supertest';
import { KEY_GROUPS, RESIDENT_STATUSES, type KeyGroup, type LaborMap, type LaborMapRow, type ResidentStatus } from '@zaogong/shared';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { testIdNumber, testPhone } from './support/resident-sheets';

const API = '/api/v1';
const SANGCUN = '370406103';
const HUKOU = '370406103201';
const SUZHUANG = '370406103202';
const XUZHUANG = '370406106';
const HULUTAO = '370406106201';
const SHUANGSHAN = '370406001001'; // 双山居委会, 山城街道

interface Person {
  village: string;
  status: ResidentStatus;
  keyGroups: KeyGroup[];
}

/** Who lives where: 4 in 桑村镇 (3 in 户口村, 1 in 苏庄村), 2 in 徐庄镇, 1 in 山城街道, nobody elsewhere. */
const PEOPLE: Person[] = [
  { village: HUKOU, status: 'seeking', keyGroups: ['veteran'] },
  { village: HUKOU, status: 'employed', keyGroups: ['veteran', 'low_income'] },
  { village: HUKOU, status: 'migrated', keyGroups: [] },
  { village: SUZHUANG, status: 'seeking', keyGroups: ['returning_migrant'] },
  { village: HULUTAO, status: 'self_employed', keyGroups: ['disabled'] },
  { village: HULUTAO, status: 'not_seeking', keyGroups: ['hard_to_employ', 'graduate'] },
  { village: SHUANGSHAN, status: 'seeking', keyGroups: ['graduate'] },
];

/** The row the map should show for the people living in `prefix` (a 镇街 or 村居 code). */
function expectedRow(prefix: string): Pick<LaborMapRow, 'total' | 'byStatus' | 'byKeyGroup'> {
  const inArea = PEOPLE.filter((p) => p.village.startsWith(prefix));
  const byStatus = Object.fromEntries(RESIDENT_STATUSES.map((s) => [s, inArea.filter((p) => p.status === s).length])) as Record<ResidentStatus, number>;
  const byKeyGroup = Object.fromEntries(KEY_GROUPS.map((g) => [g, inArea.filter((p) => p.keyGroups.includes(g)).length])) as Record<KeyGroup, number>;
  return { total: inArea.length, byStatus, byKeyGroup };
}

/** Every row's parts add up to its total, and the items add up to the map's total. */
function expectConsistent(map: LaborMap): void {
  for (const row of [...map.items, map.total]) {
    expect(Object.values(row.byStatus).reduce((a, b) => a + b, 0)).toBe(row.total);
  }
  expect(map.items.reduce((a, r) => a + r.total, 0)).toBe(map.total.total);
  for (const g of KEY_GROUPS) expect(map.items.reduce((a, r) => a + r.byKeyGroup[g], 0)).toBe(map.total.byKeyGroup[g]);
}

/** 人力资源地图: residents by area, status and key group. */
describe.each(DATABASE_KINDS)('GET /stats/labor on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    const logins: Record<string, object> = {
      admin: { role: 'admin', name: '区人社局' },
      townOfficer: { role: 'admin', name: '桑村镇干部', regionCode: SANGCUN },
      villageLiaison: { role: 'liaison', name: '户口村联络员', regionCode: HUKOU },
      townLiaison: { role: 'liaison', name: '桑村镇联络员', regionCode: SANGCUN },
      seeker: { role: 'seeker', name: '求职者' },
      employer: { role: 'employer', name: '企业' },
    };
    Object.assign(tokens, await devLogins(t.server, logins));
    for (const [i, p] of PEOPLE.entries()) {
      const created = await request(t.server)
        .post(`${API}/residents`)
        .set('Authorization', `Bearer ${tokens.admin}`)
        .send({
          name: '测试居民',
          idNumber: testIdNumber(i + 1, '19750505'),
          phone: testPhone(i + 1),
          villageCode: p.village,
          skills: [],
          desiredOccupations: [],
          availability: ['full_time'],
          keyGroups: p.keyGroups,
          consent: { method: 'verbal', at: '2025-03-01T09:00:00+08:00' },
        })
        .expect(201);
      if (p.status !== 'seeking') {
        await request(t.server).patch(`${API}/residents/${created.body.id}`).set('Authorization', `Bearer ${tokens.admin}`).send({ status: p.status }).expect(200);
      }
    }
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const get = (who: string, query = '') => request(t.server).get(`${API}/stats/labor${query}`).set('Authorization', `Bearer ${tokens[who]}`);

  it('for the district: all 11 镇街, zeros included, adding up to the residents inserted', async () => {
    if (!db) return;
    const map: LaborMap = (await get('admin').expect(200)).body;
    expect(map.regionCode).toBe('370406');
    expect(map.regionName).toBe('山亭区');
    expect(map.items).toHaveLength(11);
    for (const row of map.items) expect(row).toMatchObject({ code: expect.stringMatching(/^370406\d{3}$/), name: expect.any(String), ...expectedRow(row.code) });
    expect(map.items.filter((r) => r.total === 0)).toHaveLength(8);
    expect(map.items.find((r) => r.code === SANGCUN)).toMatchObject({ name: '桑村镇', total: 4, byStatus: { seeking: 2, employed: 1, migrated: 1, self_employed: 0, not_seeking: 0 } });
    expect(map.total).toEqual({ code: '370406', name: '山亭区', ...expectedRow('370406') });
    expect(map.total.byKeyGroup).toEqual({ graduate: 2, veteran: 2, disabled: 1, returning_migrant: 1, hard_to_employ: 1, low_income: 1 });
    expectConsistent(map);
    const overview = (await request(t.server).get(`${API}/stats/overview`).set('Authorization', `Bearer ${tokens.admin}`).expect(200)).body;
    expect(map.total.total).toBe(overview.residents.total);
    expect(map.total.byStatus.seeking).toBe(overview.residents.seeking);
  });

  it('for a 镇街: every one of its 村居, zeros included', async () => {
    if (!db) return;
    const map: LaborMap = (await get('admin', `?regionCode=${SANGCUN}`).expect(200)).body;
    expect(map.regionName).toBe('桑村镇');
    expect(map.items).toHaveLength(20);
    expect(map.items.every((r) => r.code.startsWith(SANGCUN) && r.code.length === 12)).toBe(true);
    for (const row of map.items) expect(row).toMatchObject(expectedRow(row.code));
    expect(map.items.filter((r) => r.total > 0).map((r) => [r.name, r.total])).toEqual([
      ['户口村委会', 3],
      ['苏庄村委会', 1],
    ]);
    expect(map.total).toMatchObject({ code: SANGCUN, ...expectedRow(SANGCUN) });
    expectConsistent(map);
    const xuzhuang: LaborMap = (await get('admin', `?regionCode=${XUZHUANG}`).expect(200)).body;
    expect(xuzhuang.total).toMatchObject(expectedRow(XUZHUANG));
    expect(xuzhuang.items.length).toBeGreaterThan(20);
  });

  it('for a 村居: just that one', async () => {
    if (!db) return;
    const map: LaborMap = (await get('admin', `?regionCode=${HUKOU}`).expect(200)).body;
    expect(map.items).toEqual([{ code: HUKOU, name: '户口村委会', ...expectedRow(HUKOU) }]);
    expect(map.total).toEqual({ code: HUKOU, name: '户口村委会', ...expectedRow(HUKOU) });
  });

  it('defaults to the caller’s own area', async () => {
    if (!db) return;
    const town: LaborMap = (await get('townLiaison').expect(200)).body;
    expect(town.regionCode).toBe(SANGCUN);
    expect(town.items).toHaveLength(20);
    expect((await get('townOfficer').expect(200)).body.regionCode).toBe(SANGCUN);
    const village: LaborMap = (await get('villageLiaison').expect(200)).body;
    expect(village.regionCode).toBe(HUKOU);
    expect(village.total.total).toBe(3);
    expect((await get('townLiaison', `?regionCode=${SUZHUANG}`).expect(200)).body.total.total).toBe(1);
  });

  it.each([
    ['villageLiaison', `?regionCode=${SANGCUN}`],
    ['villageLiaison', `?regionCode=${SUZHUANG}`],
    ['villageLiaison', '?regionCode=370406'],
    ['townLiaison', `?regionCode=${HULUTAO}`],
    ['townLiaison', '?regionCode=370406'],
    ['townOfficer', `?regionCode=${XUZHUANG}`],
  ])('%s asking for %s outside their scope gets 403', async (who, query) => {
    if (!db) return;
    expect((await get(who, query).expect(403)).body.message).toBe('该地区不在您的管辖范围内');
  });

  it.each(['seeker', 'employer'])('a %s gets 403', async (who) => {
    if (!db) return;
    await get(who).expect(403);
  });

  it('no token is 401; a malformed or made-up region is 400', async () => {
    if (!db) return;
    await request(t.server).get(`${API}/stats/labor`).expect(401);
    expect((await get('admin', '?regionCode=110105').expect(400)).body.errors[0].field).toBe('regionCode');
    expect((await get('admin', '?regionCode=370406999').expect(400)).body.errors[0].field).toBe('regionCode');
  });
});
