import request from 'supertest';
import { DEMO_POSTS, DEMO_RESIDENTS } from '../src/database/seeds/demo.data';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

/** The region overview is the first route behind both the role guard and the region-scope guard. */
describe.each(DATABASE_KINDS)('GET /stats/overview on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db, { SEED_DEMO: 'true' });
    const logins: Record<string, object> = {
      admin: { role: 'admin', name: '区人社局' },
      townOfficer: { role: 'admin', name: '桑村镇干部', regionCode: '370406103' },
      villageLiaison: { role: 'liaison', name: '户口村联络员', regionCode: '370406103201' },
      townLiaison: { role: 'liaison', name: '徐庄镇联络员', regionCode: '370406106' },
      seeker: { role: 'seeker', name: '求职者' },
      employer: { role: 'employer', name: '企业' },
    };
    Object.assign(tokens, await devLogins(t.server, logins));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const get = (who: string, query = '') => request(t.server).get(`${API}/stats/overview${query}`).set('Authorization', `Bearer ${tokens[who]}`);

  it('a district admin sees the whole district by default', async () => {
    if (!db) return;
    const body = (await get('admin').expect(200)).body;
    expect(body).toEqual({
      regionCode: '370406',
      regionName: '山亭区',
      residents: { total: DEMO_RESIDENTS.length, seeking: DEMO_RESIDENTS.length },
      openPosts: DEMO_POSTS.length,
      verifiedEmployers: 10,
    });
  });

  it('a liaison sees their own 村居 by default, and a 镇街 liaison a 村居 inside it', async () => {
    if (!db) return;
    const village = (await get('villageLiaison').expect(200)).body;
    expect(village).toMatchObject({ regionCode: '370406103201', regionName: '户口村委会', residents: { total: 1 } });
    expect(village.openPosts).toBe(DEMO_POSTS.filter((p) => p.townCode === '370406103').length);
    expect((await get('townLiaison', '?regionCode=370406106201').expect(200)).body.residents.total).toBe(1);
  });

  it.each([
    ['villageLiaison', '?regionCode=370406103202'],
    ['villageLiaison', '?regionCode=370406103'],
    ['villageLiaison', '?regionCode=370406'],
    ['townLiaison', '?regionCode=370406103201'],
    ['townOfficer', '?regionCode=370406106'],
  ])('%s asking for %s outside their scope gets 403', async (who, query) => {
    if (!db) return;
    expect((await get(who, query).expect(403)).body.message).toBe('该地区不在您的管辖范围内');
  });

  it.each(['seeker', 'employer'])('a %s gets 403', async (who) => {
    if (!db) return;
    expect((await get(who).expect(403)).body.message).toMatch(/无权/);
  });

  it('no token is 401; a malformed or made-up region is 400', async () => {
    if (!db) return;
    await request(t.server).get(`${API}/stats/overview`).expect(401);
    expect((await get('admin', '?regionCode=110105').expect(400)).body.errors[0].field).toBe('regionCode');
    expect((await get('admin', '?regionCode=370406999').expect(400)).body.errors[0].field).toBe('regionCode');
  });
});
