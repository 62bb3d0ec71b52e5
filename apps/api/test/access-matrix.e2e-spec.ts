import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@zaogong/shared';
import { PERMISSIONS, type Permission } from '../src/common/access/permissions';
import { GigDispute } from '../src/gigs/entities/gig-dispute.entity';
import { PolicyMatcher } from '../src/policies/policy-matcher.service';
import { creditCode, idNumber } from './support/identity';
import { postBody } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * Role × route × region: every route that acts on a record, called by every kind of account on a
 * record of 桑村镇 (T1) and one of 北庄镇 (T2). Each row names the permission the service asks the
 * access policy (src/common/access), and the table must hold a row for every permission there is.
 */

const API = '/api/v1';
const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));
const TODAY = chinaDateOf(new Date());
const dayAfterToday = (n: number) => chinaDateOf(new Date(Date.now() + n * 86_400_000));
const TOMORROW = dayAfterToday(1);
const DAY_AFTER = dayAfterToday(2);
const PLACES = {
  T1: { town: '370406103', village: '370406103201' }, // 桑村镇 户口村
  T2: { town: '370406104', village: '370406104201' }, // 北庄镇 毛宅村
} as const;
type Town = keyof typeof PLACES;
const TOWNS: Town[] = ['T1', 'T2'];

/** The accounts: the district admin, a 镇街 officer and a 村居 liaison of each 镇街, an employer of each 镇街, a seeker living in T1. */
const CALLERS = ['district', 'off1', 'off2', 'lia1', 'lia2', 'emp1', 'emp2', 'seeker'] as const;
type Caller = (typeof CALLERS)[number];
const LOGINS: Record<Caller, object> = {
  district: { role: 'admin', name: '区人社局' },
  off1: { role: 'admin', name: '桑村镇干部', regionCode: PLACES.T1.town },
  off2: { role: 'admin', name: '北庄镇干部', regionCode: PLACES.T2.town },
  lia1: { role: 'liaison', name: '户口村联络员', regionCode: PLACES.T1.village },
  lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: PLACES.T2.village },
  emp1: { role: 'employer', name: '桑村老板' },
  emp2: { role: 'employer', name: '北庄老板' },
  seeker: { role: 'seeker', name: '刘芳' },
};
const LIAISON: Record<Town, Caller> = { T1: 'lia1', T2: 'lia2' };
const EMPLOYER: Record<Town, Caller> = { T1: 'emp1', T2: 'emp2' };

/** A status, or for a list: answered 200 and the target is in it (seen) or not (hidden). */
type Outcome = number | 'seen' | 'hidden';
/** The same outcome on both records, or [on T1's, on T2's]. */
type Expect = Outcome | [Outcome, Outcome];

interface Call {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  body?: object;
  /** For a list: the id (in `key` of each item) whose presence the outcome names. */
  find?: { key: string; id: string };
}

interface Row {
  permission: Permission;
  route: string;
  /** Acts on the district as a whole, not on one record: called once, expectations a single outcome. */
  areaWide?: boolean;
  /** Builds the call, making fresh records when the call changes what it acts on. */
  call: (town: Town, caller: Caller) => Promise<Call>;
  expect: Record<Caller, Expect>;
}

describe.each(DATABASE_KINDS)('role × route × region on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  /** Records made once: each in T1 and in T2. */
  const w = {
    resident: {} as Record<Town, string>, // T1's is the seeker's own
    employer: {} as Record<Town, string>,
    post: {} as Record<Town, string>, // published
    pending: {} as Record<Town, string>, // waiting for review
    application: {} as Record<Town, string>,
    hire: {} as Record<Town, string>,
    applied: {} as Record<Town, string>, // a resident who applied to that 镇街's employer
    candidate: {} as Record<Town, string>, // a welder, shown to both employers as a candidate
    gig: {} as Record<Town, string>, // a published 零工 post of that 镇街's employer
    gigSignup: {} as Record<Town, string>, // the seeker's own on T1's gig; T2's resident's (by lia2) on T2's
    dispute: {} as Record<Town, string>, // a 权益维护 case about that sign-up
    household: {} as Record<Town, string>, // a 农户 of that 镇街's 村, registered by its liaison
    householdGig: {} as Record<Town, string>, // a published 零工 of that household
    event: {} as Record<Town, string>, // a 招聘活动 of that 镇街, organised by its officer
    policy: '', // a policy for everyone seeking work, with both towns' residents on its list
  };
  let serial = 0;

  const as = (who: Caller) => ({ Authorization: `Bearer ${tok[who]}` });
  const send = (who: Caller, c: Call) => {
    const r = request(t.server)[c.method](`${API}${c.path}`).set(as(who));
    return c.body ? r.send(c.body) : r;
  };
  const ok = async (who: Caller, c: Call, status: number): Promise<Record<string, unknown> & { id: string }> => {
    const res = await send(who, c);
    if (res.status !== status) throw new Error(`${who} ${c.method.toUpperCase()} ${c.path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** A new resident of the town, registered by its liaison. */
  const resident = async (town: Town, over: Record<string, unknown> = {}): Promise<string> => {
    const n = ++serial;
    const name = `村民${String(n)
      .split('')
      .map((d) => '零一二三四五六七八九'[Number(d)])
      .join('')}`;
    const body = { name, idNumber: idNumber('370406', '19900101', String(100 + n)), phone: `1390000${String(n).padStart(4, '0')}`, villageCode: PLACES[town].village, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'signature', at: new Date().toISOString() }, ...over };
    return (await ok(LIAISON[town], { method: 'post', path: '/residents', body }, 201)).id;
  };
  /** A new post of the town's employer: waiting for review, or published by the district admin. */
  const post = async (town: Town, published: boolean): Promise<string> => {
    const created = await ok(EMPLOYER[town], { method: 'post', path: '/posts', body: postBody({ townCode: PLACES[town].town }) }, 201);
    if (published) await ok('district', { method: 'post', path: `/posts/${created.id}/review`, body: { approve: true } }, 200);
    return created.id;
  };
  /** A new application to a new post of the town's employer: the seeker's own in T1, a liaison's for their resident in T2. */
  const application = async (town: Town): Promise<string> => {
    const postId = await post(town, true);
    return town === 'T1'
      ? (await ok('seeker', { method: 'post', path: '/applications', body: { postId } }, 201)).id
      : (await ok('lia2', { method: 'post', path: '/applications', body: { postId, residentId: w.resident.T2 } }, 201)).id;
  };
  /** A new hire of the town's resident with the town's employer, recorded by the liaison (the person's side). */
  const hire = async (town: Town): Promise<string> =>
    (await ok(LIAISON[town], { method: 'post', path: '/hires', body: { residentId: w.resident[town], employerId: w.employer[town], startDate: TODAY } }, 201)).id;
  /** A new employer registered in the town (by a new employer account) and verified by the district admin. */
  const verifiedEmployerOf = async (town: Town): Promise<string> => {
    const n = ++serial;
    const boss = (await devLogins(t.server, { boss: { role: 'employer', name: `新老板${n}` } })).boss;
    const body = { name: `山亭区新办制品有限公司${n}`, creditCode: creditCode(`MA8R${String(n).padStart(4, '0')}`), industryCode: 'C', townCode: PLACES[town].town, address: '工业园', contactName: '张经理', contactPhone: '13905462222' };
    const res = await request(t.server).post(`${API}/employers`).set({ Authorization: `Bearer ${boss}` }).send(body);
    if (res.status !== 201) throw new Error(`employer registration: ${res.status} ${JSON.stringify(res.body)}`);
    await ok('district', { method: 'post', path: `/employers/${res.body.id}/verify`, body: { approve: true } }, 200);
    return res.body.id as string;
  };
  /** A new 零工 post of the town's employer, published. */
  const gigPost = async (town: Town): Promise<string> => {
    const created = await ok(EMPLOYER[town], { method: 'post', path: '/posts', body: postBody({ townCode: PLACES[town].town, type: 'gig', wageUnit: 'day', wageMin: 180, wageMax: 220, startDate: TOMORROW, endDate: DAY_AFTER }) }, 201);
    await ok('district', { method: 'post', path: `/posts/${created.id}/review`, body: { approve: true } }, 200);
    return created.id;
  };
  /** A household's 零工 form (POST /households/:id/gigs). */
  const householdGig = () => ({ title: '帮忙摘花椒', occupationCode: '5-01-01', description: '花椒熟了，帮忙摘两天，按天结工钱，管午饭。', skills: ['摘花椒'], wageMin: 150, wageMax: 150, wageUnit: 'day', headcount: 3, startDate: TOMORROW, endDate: DAY_AFTER });
  /** A new 共享用工 agreement lent by the town's employer to the other town's, for a period of its own, with `workerIds`. */
  const sharedAgreement = async (town: Town, workerIds: string[] = []): Promise<string> => {
    const n = ++serial;
    const other: Town = town === 'T1' ? 'T2' : 'T1';
    const body = { lenderId: w.employer[town], borrowerId: w.employer[other], from: dayAfterToday(100 + n * 3), to: dayAfterToday(101 + n * 3), work: '包装', pay: '借入方按日结算，经出借方发放', injuryCover: 'lender', workerIds };
    return (await ok(EMPLOYER[town], { method: 'post', path: '/shared-staff/agreements', body }, 201)).id;
  };
  /** A new 招聘会 of the town, organised by its 镇街 officer. */
  const event = async (town: Town): Promise<string> => {
    const body = { title: '春风行动招聘会', kind: 'onsite', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 3 * 86_400_000 + 3 * 3_600_000).toISOString(), townCode: PLACES[town].town, address: '镇政府广场', description: '企业现场招聘' };
    return (await ok(town === 'T1' ? 'off1' : 'off2', { method: 'post', path: '/events', body }, 201)).id;
  };
  const candidates = (postId: string, caller: Caller, limit: number) => send(caller, { method: 'get', path: `/matching/posts/${postId}/candidates?limit=${limit}` });
  /** The poster of a post or event on the board of the town's 村居, printed by its liaison (made once). */
  const boardPosters = new Map<string, string>();
  const boardPoster = async (kind: 'posts' | 'events', id: string, town: Town): Promise<string> => {
    const key = `${kind}/${id}/${town}`;
    if (!boardPosters.has(key)) {
      const res = await send(LIAISON[town], { method: 'get', path: `/${kind}/${id}/poster.png` });
      if (res.status !== 200) throw new Error(`poster for ${key}: ${res.status}`);
      boardPosters.set(key, String(res.headers['x-poster-id']));
    }
    return boardPosters.get(key) as string;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, LOGINS);
    for (const [town, org] of [['T1', 'MA7Q1D3R'], ['T2', 'MA7Q1D3T']] as const) {
      const body = { name: `山亭区${town === 'T1' ? '桑村' : '北庄'}制品有限公司`, creditCode: creditCode(org), industryCode: 'C', townCode: PLACES[town].town, address: '工业园', contactName: '张经理', contactPhone: '13905462222' };
      w.employer[town] = (await ok(EMPLOYER[town], { method: 'post', path: '/employers', body }, 201)).id;
      await ok('district', { method: 'post', path: `/employers/${w.employer[town]}/verify`, body: { approve: true } }, 200);
    }
    for (const town of TOWNS) w.pending[town] = await post(town, false);
    for (const town of TOWNS) w.post[town] = await post(town, true);
    // The seeker's own record lies in T1's 村居; T2's resident is someone else.
    w.resident.T1 = (await ok('seeker', { method: 'put', path: '/me/profile', body: { name: '刘芳', idNumber: idNumber('370406', '19880512', '312'), phone: '13905465012', villageCode: PLACES.T1.village, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'self', at: new Date().toISOString() } } }, 200)).id;
    w.resident.T2 = await resident('T2');
    w.application.T1 = (await ok('seeker', { method: 'post', path: '/applications', body: { postId: w.post.T1 } }, 201)).id;
    w.application.T2 = (await ok('lia2', { method: 'post', path: '/applications', body: { postId: w.post.T2, residentId: w.resident.T2 } }, 201)).id;
    for (const town of TOWNS) {
      w.hire[town] = await hire(town);
      w.applied[town] = await resident(town);
      await ok(LIAISON[town], { method: 'post', path: '/applications', body: { postId: w.post[town], residentId: w.applied[town] } }, 201);
      w.candidate[town] = await resident(town, { skills: ['电焊'], desiredOccupations: ['6-05-01'] });
      await ok('seeker', { method: 'post', path: `/posts/${w.post[town]}/reports`, body: { reason: 'fee' } }, 201);
    }
    // 零工: a gig in each 镇街, a sign-up on each, and a case about it (written directly: reaching one through
    // check-in and pay needs the clock moved to the working day, which gigs.e2e-spec.ts does).
    for (const town of TOWNS) {
      const created = await ok(EMPLOYER[town], { method: 'post', path: '/posts', body: postBody({ townCode: PLACES[town].town, type: 'gig', wageUnit: 'day', wageMin: 180, wageMax: 220, startDate: TOMORROW, endDate: DAY_AFTER }) }, 201);
      await ok('district', { method: 'post', path: `/posts/${created.id}/review`, body: { approve: true } }, 200);
      w.gig[town] = created.id;
    }
    // 零工驿站: a household of each 村, registered by its liaison, and a published gig of it.
    for (const town of TOWNS) {
      w.household[town] = (await ok(LIAISON[town], { method: 'post', path: '/households', body: { name: `王大爷家${town}`, villageCode: PLACES[town].village, contactName: '王守田', contactPhone: '13905461234' } }, 201)).id;
      const created = await ok(LIAISON[town], { method: 'post', path: `/households/${w.household[town]}/gigs`, body: householdGig() }, 201);
      await ok('district', { method: 'post', path: `/posts/${created.id}/review`, body: { approve: true } }, 200);
      w.householdGig[town] = created.id;
    }
    for (const town of TOWNS) w.event[town] = await event(town);
    w.policy = (await ok('district', { method: 'post', path: '/policies', body: { title: '就业困难人员认定', issuer: '山亭区人社局', summary: '找工作有困难的可以申请认定', benefit: '以人社部门公布为准', audience: 'person', rules: [{ field: 'status', op: 'eq', value: 'seeking' }], howToApply: '到镇便民服务中心办理', validFrom: '2026-01-01' } }, 201)).id;
    await t.app.get(PolicyMatcher).pass({ policyIds: [w.policy] });
    w.gigSignup.T1 = (await ok('seeker', { method: 'post', path: `/gigs/${w.gig.T1}/signups`, body: { date: TOMORROW } }, 201)).id;
    w.gigSignup.T2 = (await ok('lia2', { method: 'post', path: `/gigs/${w.gig.T2}/signups`, body: { date: TOMORROW, residentId: w.resident.T2 } }, 201)).id;
    for (const town of TOWNS) {
      w.dispute[town] = randomUUID();
      await t.dataSource.getRepository(GigDispute).insert({ id: w.dispute[town], signupId: w.gigSignup[town], postId: w.gig[town], employerId: w.employer[town], residentId: w.resident[town], townCode: PLACES[town].town, status: 'open', reason: 'unpaid', note: null, evidence: { date: TOMORROW, signedUpAt: new Date().toISOString(), checkInAt: null, checkOutAt: null, agreedWage: { min: 180, max: 220, unit: 'day' }, pay: null }, openedBy: 'test' });
    }

    // Both welders are candidates for both posts; each employer is shown them for its own post.
    for (let i = 0; i < 50; i++) {
      const ids = ((await candidates(w.post.T1, 'district', 50)).body.items as { residentId: string }[]).map((c) => c.residentId);
      if (ids.includes(w.candidate.T1) && ids.includes(w.candidate.T2)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const town of TOWNS) {
      const shown = ((await candidates(w.post[town], EMPLOYER[town], 10)).body.items as { residentId: string }[]).map((c) => c.residentId);
      if (!shown.includes(w.candidate[town])) throw new Error(`the ${town} welder was not shown to ${EMPLOYER[town]}`);
    }
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const get = (path: string, find?: Call['find']) => async (): Promise<Call> => ({ method: 'get', path, find });

  /**
   * The table. Reading a row: on T1's record and on T2's, what each caller gets. 403 is a role or an
   * area refused outright; 404 is a record outside the caller's area, not even admitted to exist.
   */
  const ROWS: Row[] = [
    // 实名台账
    {
      permission: 'resident.create',
      route: 'POST /residents',
      call: async (town) => ({ method: 'post', path: '/residents', body: { name: '新村民', idNumber: idNumber('370406', '19850303', String(500 + ++serial)), phone: '13905460000', villageCode: PLACES[town].village, skills: [], desiredOccupations: [], availability: ['full_time'], consent: { method: 'signature', at: new Date().toISOString() } } }),
      expect: { district: 201, off1: [201, 403], off2: [403, 201], lia1: [201, 403], lia2: [403, 201], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.read',
      route: 'GET /residents/:id',
      call: async (town) => ({ method: 'get', path: `/residents/${w.resident[town]}` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.read',
      route: 'GET /residents (list)',
      call: async (town) => ({ method: 'get', path: '/residents?limit=100', find: { key: 'id', id: w.resident[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.read',
      route: 'GET /residents?villageCode=',
      call: async (town) => ({ method: 'get', path: `/residents?villageCode=${PLACES[town].village}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: [200, 403], lia2: [403, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.read',
      route: 'GET /matching/residents/:id/posts',
      call: async (town) => ({ method: 'get', path: `/matching/residents/${w.resident[town]}/posts` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: [200, 404] },
    },
    {
      permission: 'resident.update',
      route: 'PATCH /residents/:id',
      call: async (town) => ({ method: 'patch', path: `/residents/${w.resident[town]}`, body: { skills: ['编织', '缝纫'] } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.reveal',
      route: 'POST /residents/:id/reveal',
      call: async (town) => ({ method: 'post', path: `/residents/${w.resident[town]}/reveal`, body: { reason: '核实身份需要' } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.call',
      route: 'POST /residents/:id/call',
      call: async (town) => ({ method: 'post', path: `/residents/${w.resident[town]}/call` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'resident.erase',
      route: 'POST /residents/:id/erase',
      call: async (town) => ({ method: 'post', path: `/residents/${await resident(town)}/erase`, body: { reason: '本人到村委会窗口申请删除个人信息' } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: 403 },
    },

    // 投递
    {
      permission: 'application.create',
      route: 'POST /applications',
      call: async (town) => ({ method: 'post', path: '/applications', body: { postId: await post(town, true), residentId: w.resident[town] } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [201, 404], lia2: [404, 201], emp1: 403, emp2: 403, seeker: [201, 403] },
    },
    {
      permission: 'application.invite',
      route: 'POST /applications/invitations',
      call: async (town) => ({ method: 'post', path: '/applications/invitations', body: { postId: w.post[town], residentId: w.candidate[town] } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: [201, 403], emp2: [403, 201], seeker: 403 },
    },
    {
      permission: 'application.read',
      route: 'GET /applications/:id',
      call: async (town) => ({ method: 'get', path: `/applications/${w.application[town]}` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: [200, 404], emp2: [404, 200], seeker: [200, 404] },
    },
    {
      permission: 'application.read',
      route: 'GET /applications (list)',
      call: async (town) => ({ method: 'get', path: `/applications?postId=${w.post[town]}&limit=100`, find: { key: 'id', id: w.application[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: ['seen', 'hidden'], emp2: ['hidden', 'seen'], seeker: ['seen', 'hidden'] },
    },
    {
      permission: 'application.update',
      route: 'PATCH /applications/:id',
      call: async (town, caller) => ({ method: 'patch', path: `/applications/${await application(town)}`, body: { status: caller.startsWith('emp') ? 'viewed' : 'withdrawn' } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [200, 404], lia2: [404, 200], emp1: [200, 404], emp2: [404, 200], seeker: [200, 404] },
    },

    {
      permission: 'application.call_employer',
      route: 'POST /applications/:id/call',
      call: async (town) => ({ method: 'post', path: `/applications/${w.application[town]}/call` }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: [200, 404] },
    },

    // 零工
    {
      permission: 'gig.signup',
      route: 'POST /gigs/:postId/signups',
      call: async (town, caller) => ({ method: 'post', path: `/gigs/${await gigPost(town)}/signups`, body: { date: TOMORROW, ...(caller === 'seeker' && town === 'T1' ? {} : { residentId: w.resident[town] }) } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [201, 404], lia2: [404, 201], emp1: 403, emp2: 403, seeker: [201, 400] },
    },
    {
      permission: 'gig.roster',
      route: 'GET /gigs/:postId/roster',
      call: async (town) => ({ method: 'get', path: `/gigs/${w.gig[town]}/roster?date=${TOMORROW}` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 200, lia2: 200, emp1: [200, 404], emp2: [404, 200], seeker: 403 },
    },
    {
      permission: 'gig.site',
      route: 'PATCH /gigs/:postId/days/:date',
      call: async (town) => ({ method: 'patch', path: `/gigs/${w.gig[town]}/days/${DAY_AFTER}`, body: { closed: false } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: [200, 404], emp2: [404, 200], seeker: 403 },
    },
    {
      permission: 'gig.site',
      route: 'PATCH /gigs/:postId/days/:date (a household’s gig)',
      // A household (农户) has no account: the liaison and admins of its 村 run its days.
      call: async (town) => ({ method: 'patch', path: `/gigs/${w.householdGig[town]}/days/${DAY_AFTER}`, body: { closed: false } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 404, emp2: 404, seeker: 403 },
    },
    {
      permission: 'household.manage',
      route: 'POST /households',
      call: async (town) => ({ method: 'post', path: '/households', body: { name: '李奶奶家', villageCode: PLACES[town].village, contactName: '李秀英', contactPhone: '13905461235' } }),
      expect: { district: 201, off1: [201, 403], off2: [403, 201], lia1: [201, 403], lia2: [403, 201], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'household.manage',
      route: 'GET /households (list)',
      call: async (town) => ({ method: 'get', path: '/households', find: { key: 'id', id: w.household[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'household.manage',
      route: 'POST /households/:id/gigs',
      call: async (town) => ({ method: 'post', path: `/households/${w.household[town]}/gigs`, body: householdGig() }),
      expect: { district: 201, off1: [201, 404], off2: [404, 201], lia1: [201, 404], lia2: [404, 201], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'gig.worker',
      route: 'POST /gigs/signups/:id/pay/confirm',
      // Allowed, it is refused for a reason of its own: no pay recorded yet (409).
      call: async (town) => ({ method: 'post', path: `/gigs/signups/${w.gigSignup[town]}/pay/confirm` }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [409, 404], lia2: [404, 409], emp1: 403, emp2: 403, seeker: [409, 404] },
    },
    {
      permission: 'gig.pause_lift',
      route: 'POST /gigs/pauses/:residentId/lift',
      // Allowed, it answers that the person is not paused (409).
      call: async (town) => ({ method: 'post', path: `/gigs/pauses/${w.resident[town]}/lift`, body: { note: '本人说明了情况' } }),
      expect: { district: 409, off1: [409, 404], off2: [404, 409], lia1: [409, 404], lia2: [404, 409], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'dispute.read',
      route: 'GET /disputes/:id',
      call: async (town) => ({ method: 'get', path: `/disputes/${w.dispute[town]}` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: [200, 404], emp2: [404, 200], seeker: [200, 404] },
    },
    {
      permission: 'dispute.read',
      route: 'GET /disputes (list)',
      call: async (town) => ({ method: 'get', path: '/disputes?limit=100', find: { key: 'id', id: w.dispute[town] } }),
      // The list is the district's and the officers'; others open their own case by id.
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'dispute.manage',
      route: 'PATCH /disputes/:id',
      call: async (town) => ({ method: 'patch', path: `/disputes/${w.dispute[town]}`, body: { status: 'mediating', note: '已电话联系企业' } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 录用 and the count
    {
      permission: 'hire.record',
      route: 'POST /hires',
      call: async (town) => ({ method: 'post', path: '/hires', body: { residentId: w.applied[town], employerId: w.employer[town], startDate: TODAY } }),
      expect: { district: 201, off1: [201, 404], off2: [404, 201], lia1: [201, 404], lia2: [404, 201], emp1: [201, 403], emp2: [403, 201], seeker: 403 },
    },
    {
      permission: 'hire.confirm',
      route: 'POST /hires/:id/confirm',
      call: async (town) => ({ method: 'post', path: `/hires/${await hire(town)}/confirm` }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [200, 404], lia2: [404, 200], emp1: [200, 404], emp2: [404, 200], seeker: [200, 404] },
    },
    {
      permission: 'hire.verify',
      route: 'POST /hires/:id/verify',
      call: async (town) => ({ method: 'post', path: `/hires/${await hire(town)}/verify`, body: { reason: '电话核实本人已在岗' } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'hire.record_flexible',
      route: 'POST /hires/flexible',
      call: async (town) => ({ method: 'post', path: '/hires/flexible', body: { residentId: w.resident[town], evidence: '近90天零工出勤42天' } }),
      expect: { district: 201, off1: [201, 404], off2: [404, 201], lia1: [201, 404], lia2: [404, 201], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'hire.revoke',
      route: 'POST /hires/:id/revoke',
      call: async (town) => {
        const id = await hire(town);
        await ok('district', { method: 'post', path: `/hires/${id}/verify`, body: { reason: '电话核实本人已在岗' } }, 200);
        return { method: 'post', path: `/hires/${id}/revoke`, body: { reason: '本人实际未到岗' } };
      },
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'hire.read',
      route: 'GET /hires (list)',
      call: async (town) => ({ method: 'get', path: `/hires?residentId=${w.resident[town]}&limit=100`, find: { key: 'id', id: w.hire[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: ['seen', 'hidden'], emp2: ['hidden', 'seen'], seeker: ['seen', 'hidden'] },
    },
    {
      permission: 'ledger.export',
      route: 'GET /hires/ledger.xlsx',
      areaWide: true,
      call: get(`/hires/ledger.xlsx?year=${YEAR}`),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'ledger.export',
      route: 'GET /stats/employment.xlsx',
      areaWide: true,
      call: get(`/stats/employment.xlsx?year=${YEAR}`),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'ledger.reveal',
      route: 'GET /hires/ledger.xlsx?reveal=true',
      areaWide: true,
      call: get(`/hires/ledger.xlsx?year=${YEAR}&reveal=true&reason=${encodeURIComponent('报送区人社局核对')}`),
      expect: { district: 200, off1: 200, off2: 200, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 企业
    {
      permission: 'employer.read',
      route: 'GET /employers/:id',
      call: async (town) => ({ method: 'get', path: `/employers/${w.employer[town]}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: [200, 403], emp2: [403, 200], seeker: 403 },
    },
    {
      permission: 'employer.read',
      route: 'GET /employers (list)',
      call: async (town) => ({ method: 'get', path: '/employers?limit=100', find: { key: 'id', id: w.employer[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'employer.update',
      route: 'PATCH /employers/:id',
      call: async (town) => ({ method: 'patch', path: `/employers/${w.employer[town]}`, body: { address: '工业园二期' } }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: [200, 403], emp2: [403, 200], seeker: 403 },
    },
    {
      permission: 'employer.verify',
      route: 'POST /employers/:id/verify',
      call: async (town) => ({ method: 'post', path: `/employers/${w.employer[town]}/verify`, body: { approve: true } }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'employer.revoke',
      route: 'POST /employers/:id/revoke',
      // A new verified employer of the town each time: revoking sends its published posts back to review.
      call: async (town) => ({ method: 'post', path: `/employers/${await verifiedEmployerOf(town)}/revoke`, body: { reason: '营业执照已被吊销' } }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'post.review',
      route: 'GET /admin/pending-counts',
      areaWide: true,
      call: get('/admin/pending-counts'),
      expect: { district: 200, off1: 200, off2: 200, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'employer.call',
      route: 'POST /employers/:id/call',
      call: async (town) => ({ method: 'post', path: `/employers/${w.employer[town]}/call` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'employer.join_code',
      route: 'POST /employers/:id/join-codes',
      call: async (town) => ({ method: 'post', path: `/employers/${w.employer[town]}/join-codes` }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: [201, 403], emp2: [403, 201], seeker: 403 },
    },

    // 岗位 and 举报
    {
      permission: 'post.read',
      route: 'GET /posts/:id (waiting for review)',
      call: async (town) => ({ method: 'get', path: `/posts/${w.pending[town]}` }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: 404, lia2: 404, emp1: [200, 404], emp2: [404, 200], seeker: 404 },
    },
    {
      permission: 'post.write',
      route: 'PATCH /posts/:id',
      call: async (town) => ({ method: 'patch', path: `/posts/${await post(town, false)}`, body: { headcount: 2 } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: [200, 403], emp2: [403, 200], seeker: 403 },
    },
    {
      permission: 'post.review',
      route: 'POST /posts/:id/review',
      call: async (town) => ({ method: 'post', path: `/posts/${await post(town, false)}/review`, body: { approve: false, reason: '工资写得不清楚' } }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'post.review',
      route: 'GET /posts/review-queue',
      call: async (town) => ({ method: 'get', path: '/posts/review-queue?limit=100', find: { key: 'id', id: w.pending[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'post.close',
      route: 'POST /posts/:id/close',
      call: async (town) => ({ method: 'post', path: `/posts/${await post(town, false)}/close` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: [200, 403], emp2: [403, 200], seeker: 403 },
    },
    {
      permission: 'post.report',
      route: 'POST /posts/:id/reports',
      call: async (town) => ({ method: 'post', path: `/posts/${await post(town, true)}/reports`, body: { reason: 'fee' } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 201, lia2: 201, emp1: [403, 201], emp2: [201, 403], seeker: 201 },
    },
    {
      permission: 'report.read',
      route: 'GET /reports',
      call: async (town) => ({ method: 'get', path: '/reports?limit=100', find: { key: 'postId', id: w.post[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'report.resolve',
      route: 'POST /posts/:id/reports/resolve',
      call: async (town) => {
        const postId = await post(town, true);
        await ok('seeker', { method: 'post', path: `/posts/${postId}/reports`, body: { reason: 'fee' } }, 201);
        return { method: 'post', path: `/posts/${postId}/reports/resolve`, body: { upheld: false } };
      },
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 有了告诉我: a seeker's own saved searches
    {
      permission: 'saved_search.manage',
      route: 'POST /me/saved-searches',
      areaWide: true,
      call: async () => ({ method: 'post', path: '/me/saved-searches', body: { q: `焊工${++serial}`, townCode: PLACES.T1.town } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 201 },
    },
    {
      permission: 'saved_search.manage',
      route: 'GET /me/saved-searches',
      areaWide: true,
      call: get('/me/saved-searches'),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 200 },
    },

    // 推荐人选
    {
      permission: 'candidates.read',
      route: 'GET /matching/posts/:id/candidates',
      call: async (town) => ({ method: 'get', path: `/matching/posts/${w.post[town]}/candidates?limit=5` }),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: [200, 403], emp2: [403, 200], seeker: 403 },
    },
    {
      permission: 'candidates.read',
      route: 'GET /matching/posts/:id/candidates (the people: T1’s post, a welder of each 镇街)',
      call: async (town) => ({ method: 'get', path: `/matching/posts/${w.post.T1}/candidates?limit=10`, find: { key: 'residentId', id: w.candidate[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 'seen', emp2: 403, seeker: 403 },
    },

    // 统计
    {
      permission: 'stats.read',
      route: 'GET /stats/overview?regionCode=',
      call: async (town) => ({ method: 'get', path: `/stats/overview?regionCode=${PLACES[town].village}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: [200, 403], lia2: [403, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'stats.read',
      route: 'GET /stats/labor?regionCode=',
      call: async (town) => ({ method: 'get', path: `/stats/labor?regionCode=${PLACES[town].town}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'stats.read',
      route: 'GET /stats/employment',
      areaWide: true,
      call: get(`/stats/employment?year=${YEAR}`),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'stats.read',
      route: 'GET /stats/gigs?townCode=',
      call: async (town) => ({ method: 'get', path: `/stats/gigs?townCode=${PLACES[town].town}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'stats.read',
      route: 'GET /stats/gigs.xlsx',
      areaWide: true,
      call: get(`/stats/gigs.xlsx?year=${YEAR}`),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 联络员首页: 村居 in numbers, 今日要办
    {
      permission: 'worklist.read',
      route: 'GET /liaison/villages?regionCode=',
      call: async (town) => ({ method: 'get', path: `/liaison/villages?regionCode=${PLACES[town].village}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: [200, 403], lia2: [403, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'worklist.read',
      route: 'GET /liaison/today?regionCode=',
      call: async (town) => ({ method: 'get', path: `/liaison/today?regionCode=${PLACES[town].town}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'worklist.read',
      route: 'GET /liaison/villages (own area)',
      call: async (town) => ({ method: 'get', path: '/liaison/villages', find: { key: 'code', id: PLACES[town].village } }),
      expect: { district: ['hidden', 'hidden'], off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 403, emp2: 403, seeker: 403 },
    },

    // The district admin's alone
    {
      permission: 'target.set',
      route: 'PUT /stats/targets/:year',
      areaWide: true,
      call: async () => ({ method: 'put', path: `/stats/targets/${YEAR}`, body: { district: 3000, towns: { [PLACES.T1.town]: 300 } } }),
      expect: { district: 200, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'audit.read',
      route: 'GET /audit',
      areaWide: true,
      call: get('/audit'),
      expect: { district: 200, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'notification.admin',
      route: 'GET /admin/notifications/summary',
      areaWide: true,
      call: get('/admin/notifications/summary'),
      expect: { district: 200, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'region.centres',
      route: 'GET /regions/centres.xlsx',
      areaWide: true,
      call: get('/regions/centres.xlsx'),
      expect: { district: 200, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      // Refused before the upload is read: the district admin's form without a file is a 400, everyone else's a 403.
      permission: 'region.centres',
      route: 'POST /regions/centres (no file)',
      areaWide: true,
      call: async () => ({ method: 'post', path: '/regions/centres', body: {} }),
      expect: { district: 400, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 招聘活动
    {
      permission: 'event.organise',
      route: 'PATCH /events/:id',
      call: async (town) => ({ method: 'patch', path: `/events/${w.event[town]}`, body: { description: '企业现场招聘，带上身份证' } }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'event.organise',
      route: 'GET /events/:id/report',
      call: async (town) => ({ method: 'get', path: `/events/${w.event[town]}/report` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'event.staff',
      route: 'GET /events/:id/signups',
      call: async (town) => ({ method: 'get', path: `/events/${w.event[town]}/signups` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: [200, 403], lia2: [403, 200], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'event.join',
      route: 'POST /events/:id/employers',
      // Each employer brings its own post, to a fair of either 镇街.
      call: async (town, caller) => ({ method: 'post', path: `/events/${w.event[town]}/employers`, body: { postIds: [w.post[caller === 'emp2' ? 'T2' : 'T1']] } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 201, emp2: 201, seeker: 403 },
    },
    {
      permission: 'event.signup',
      route: 'POST /events/:id/signups',
      call: async (town, caller) => ({ method: 'post', path: `/events/${await event(town)}/signups`, body: caller === 'seeker' && town === 'T1' ? {} : { residentId: w.resident[town] } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [201, 404], lia2: [404, 201], emp1: 403, emp2: 403, seeker: [201, 403] },
    },

    // 政策找人
    {
      permission: 'policy.manage',
      route: 'POST /policies',
      areaWide: true,
      call: async () => ({ method: 'post', path: '/policies', body: { title: '灵活就业人员社会保险补贴', issuer: '山亭区人社局', summary: '灵活就业的可以申请社保补贴', benefit: '以人社部门公布为准', audience: 'person', rules: [{ field: 'keyGroups', op: 'contains', value: 'hard_to_employ' }], howToApply: '到镇便民服务中心办理', validFrom: '2026-01-01', draft: true } }),
      expect: { district: 201, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'policy.eligible',
      route: 'GET /policies/:id/eligible',
      call: async (town) => ({ method: 'get', path: `/policies/${w.policy}/eligible?limit=100`, find: { key: 'subjectId', id: w.resident[town] } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'policy.outreach',
      route: 'PUT /policies/:id/outreach/:residentId',
      call: async (town) => ({ method: 'put', path: `/policies/${w.policy}/outreach/${w.resident[town]}`, body: { outreach: 'told', note: '电话告知' } }),
      expect: { district: 200, off1: [200, 404], off2: [404, 200], lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: 403 },
    },

    // 共享员工
    {
      permission: 'shared_staff.post',
      route: 'POST /shared-staff/offers',
      areaWide: true,
      call: async () => ({ method: 'post', path: '/shared-staff/offers', body: { occupationCode: '6-02-01', headcount: 2, from: TOMORROW, to: DAY_AFTER, townCode: PLACES.T1.town } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 201, emp2: 201, seeker: 403 },
    },
    {
      permission: 'shared_staff.read',
      route: 'GET /shared-staff/agreements/:id',
      call: async (town) => ({ method: 'get', path: `/shared-staff/agreements/${await sharedAgreement(town)}` }),
      // The work is at the borrower's, the other 镇街; both firms are parties.
      expect: { district: 200, off1: [404, 200], off2: [200, 404], lia1: 404, lia2: 404, emp1: 200, emp2: 200, seeker: 404 },
    },
    {
      permission: 'shared_staff.party',
      route: 'POST /shared-staff/agreements/:id/sign',
      call: async (town) => ({ method: 'post', path: `/shared-staff/agreements/${await sharedAgreement(town)}/sign` }),
      expect: { district: 403, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 200, emp2: 200, seeker: 403 },
    },
    {
      permission: 'shared_staff.consent',
      route: 'POST /shared-staff/agreements/:id/workers/:residentId/consent',
      call: async (town) => ({ method: 'post', path: `/shared-staff/agreements/${await sharedAgreement(town, [w.resident[town]])}/workers/${w.resident[town]}/consent`, body: { method: 'signature' } }),
      expect: { district: 403, off1: 403, off2: 403, lia1: [200, 404], lia2: [404, 200], emp1: 403, emp2: 403, seeker: [200, 404] },
    },

    // Staff accounts
    {
      permission: 'staff.invite',
      route: 'POST /admin/invitations',
      call: async (town) => ({ method: 'post', path: '/admin/invitations', body: { role: 'liaison', regionCode: PLACES[town].village, name: '新联络员' } }),
      expect: { district: 201, off1: [201, 403], off2: [403, 201], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'staff.invite',
      route: 'POST /admin/invitations (a 镇街 officer)',
      call: async (town) => ({ method: 'post', path: '/admin/invitations', body: { role: 'admin', regionCode: PLACES[town].town, name: '新干部' } }),
      expect: { district: 201, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'user.manage',
      route: 'GET /admin/users',
      call: async (town) => ({ method: 'get', path: '/admin/users?limit=100', find: { key: 'id', id: (await ok(LIAISON[town], { method: 'get', path: '/me' }, 200)).id } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },
    {
      permission: 'user.mfa_reset',
      route: 'POST /admin/users/:id/mfa/reset',
      call: async (town) => ({ method: 'post', path: `/admin/users/${(await ok(town === 'T1' ? 'off1' : 'off2', { method: 'get', path: '/me' }, 200)).id}/mfa/reset` }),
      expect: { district: 204, off1: 403, off2: 403, lia1: 403, lia2: 403, emp1: 403, emp2: 403, seeker: 403 },
    },

    // 海报 (printed posters for 村居 boards): anyone on the staff prints any open post or event, an employer its own
    // posts; the scans per board are seen by staff for the boards of their area, by the employer for its own post.
    {
      permission: 'poster.make',
      route: 'GET /posts/:id/poster.png',
      call: async (town) => ({ method: 'get', path: `/posts/${w.post[town]}/poster.png` }),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: [200, 403], emp2: [403, 200], seeker: 200 },
    },
    {
      permission: 'poster.make',
      route: 'GET /posts/:id/poster.png?villageCode= (T1’s post, for a board of each 镇街)',
      call: async (town) => ({ method: 'get', path: `/posts/${w.post.T1}/poster.png?villageCode=${PLACES[town].village}` }),
      expect: { district: 200, off1: [200, 403], off2: [403, 200], lia1: [200, 403], lia2: [403, 200], emp1: 200, emp2: 403, seeker: 200 },
    },
    {
      permission: 'poster.make',
      route: 'GET /events/:id/poster.pdf',
      call: async (town) => ({ method: 'get', path: `/events/${w.event[town]}/poster.pdf` }),
      expect: { district: 200, off1: 200, off2: 200, lia1: 200, lia2: 200, emp1: 403, emp2: 403, seeker: 200 },
    },
    {
      permission: 'poster.stats',
      route: 'GET /stats/posters?postId= (T1’s post, a board of each 镇街)',
      call: async (town) => ({ method: 'get', path: `/stats/posters?postId=${w.post.T1}`, find: { key: 'posterId', id: await boardPoster('posts', w.post.T1, town) } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 'seen', emp2: 403, seeker: 403 },
    },
    {
      permission: 'poster.stats',
      route: 'GET /stats/posters?eventId= (T1’s event, a board of each 镇街)',
      call: async (town) => ({ method: 'get', path: `/stats/posters?eventId=${w.event.T1}`, find: { key: 'posterId', id: await boardPoster('events', w.event.T1, town) } }),
      expect: { district: 'seen', off1: ['seen', 'hidden'], off2: ['hidden', 'seen'], lia1: ['seen', 'hidden'], lia2: ['hidden', 'seen'], emp1: 403, emp2: 403, seeker: 403 },
    },
  ];

  it('has rows for every permission of the access policy, and every row names every caller', () => {
    const covered = new Set(ROWS.map((r) => r.permission));
    expect(PERMISSIONS.filter((p) => !covered.has(p))).toEqual([]);
    for (const row of ROWS) expect(Object.keys(row.expect).sort()).toEqual([...CALLERS].sort());
  });

  type Case = [route: string, caller: Caller, place: string, row: Row, outcome: Outcome, town: Town];
  const cases: Case[] = ROWS.flatMap((row) =>
    CALLERS.flatMap((caller): Case[] => {
      const e = row.expect[caller];
      const at = (i: number): Outcome => (Array.isArray(e) ? e[i] : e);
      if (row.areaWide) return [[row.route, caller, 'the district', row, at(0), 'T1']];
      return TOWNS.map((town, i): Case => [row.route, caller, town === 'T1' ? '桑村镇' : '北庄镇', row, at(i), town]);
    }),
  );

  it.each(cases)('%s by %s on a record of %s', async (_route, caller, _place, row, outcome, town) => {
    if (!db) return;
    const c = await row.call(town, caller);
    const res = await send(caller, c);
    const status = typeof outcome === 'number' ? outcome : 200;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    if (status >= 400) expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    if (typeof outcome !== 'number') {
      if (!c.find) throw new Error(`row ${row.route} expects a list but names nothing to find`);
      const { key, id } = c.find;
      const ids = (res.body.items as Record<string, unknown>[]).map((item) => item[key]);
      expect(ids.includes(id) ? 'seen' : 'hidden').toBe(outcome);
    }
  });

  it('an employer invites only a person shown to it for that post, or who applied to it', async () => {
    if (!db) return;
    const invite = (who: Caller, postId: string, residentId: string) => send(who, { method: 'post', path: '/applications/invitations', body: { postId, residentId } });
    const welder = await resident('T1', { skills: ['电焊'], desiredOccupations: ['6-05-01'] });
    const refused = await invite('emp1', w.post.T1, welder).expect(403);
    expect(refused.body.message).toContain('推荐人选');
    let shown = false;
    for (let i = 0; i < 50 && !shown; i++) {
      shown = ((await candidates(w.post.T1, 'emp1', 10)).body.items as { residentId: string }[]).some((c) => c.residentId === welder);
      if (!shown) await new Promise((r) => setTimeout(r, 100));
    }
    expect(shown).toBe(true);
    await invite('emp1', w.post.T1, welder).expect(201);
    // Shown for one post is not shown for another; having been invited is not having applied.
    const another = await post('T1', true);
    await invite('emp1', another, welder).expect(403);
    // Someone who applied to this employer may be invited to its other posts.
    await invite('emp1', another, w.applied.T1).expect(201);
    // Another employer was never shown the welder.
    await invite('emp2', w.post.T2, welder).expect(403);
  });

  it('an application lies in its resident’s area for staff, and with its post’s employer for employers', async () => {
    if (!db) return;
    // A 北庄镇 resident applies to the 桑村镇 employer's post.
    const app = (await ok('lia2', { method: 'post', path: '/applications', body: { postId: await post('T1', true), residentId: w.resident.T2 } }, 201)).id;
    const read = (who: Caller) => send(who, { method: 'get', path: `/applications/${app}` });
    await read('off1').expect(404);
    await read('lia1').expect(404);
    await read('off2').expect(200);
    await read('lia2').expect(200);
    await read('emp1').expect(200);
    await read('emp2').expect(404);
  });

  it('an officer cannot move a record out to another 镇街; the district admin can', async () => {
    if (!db) return;
    await send('off1', { method: 'patch', path: `/employers/${w.employer.T1}`, body: { townCode: PLACES.T2.town } }).expect(403);
    await send('off1', { method: 'patch', path: `/residents/${w.resident.T1}`, body: { villageCode: PLACES.T2.village } }).expect(403);
    expect((await ok('district', { method: 'patch', path: `/employers/${w.employer.T1}`, body: { townCode: PLACES.T2.town } }, 200)).townCode).toBe(PLACES.T2.town);
    await send('off1', { method: 'get', path: `/employers/${w.employer.T1}` }).expect(403);
    await send('off2', { method: 'get', path: `/employers/${w.employer.T1}` }).expect(200);
  });
});
