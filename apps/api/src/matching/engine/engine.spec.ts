import { monthlyEquivalent, type PostType, type WageUnit } from '@zaogong/shared';
import { OCCUPATION_GROUPS, OCCUPATION_LEAVES } from '../../database/seeds/occupations.data';
import {
  distance,
  distanceFit,
  freshness,
  haversineKm,
  hardFilter,
  occupationFit,
  rankPeople,
  rankPosts,
  scheduleFit,
  scorePair,
  skillsFit,
  wageFit,
  type MatchContext,
} from './engine';
import type { MatchNames, PostProfile, ResidentProfile } from './types';
import { SkillVocabulary, groupConcept, leafConcept } from './vocabulary';
import {
  BELOW_EXPECTATION_PENALTY,
  DEFAULT_REACH_KM,
  ESTIMATE_EXCLUDE_FACTOR,
  ESTIMATED_KM,
  FRESHNESS_DAYS,
  KEY_GROUP_BONUS,
  NO_SKILLS_ASKED_FIT,
  OCCUPATION_FIT,
  PIECE_RATE_WAGE_FIT,
  SECOND_SCHEDULE_FIT,
  SKILL_BROADER_CREDIT,
  SKILL_GROUP_CREDIT,
  UNKNOWN_SCHEDULE_FIT,
  WAGE_FIT,
} from './weights';

const vocabulary = new SkillVocabulary(OCCUPATION_LEAVES);
const leafNames = new Map(OCCUPATION_LEAVES.map((l) => [l.code, l.name]));
const groupNames = new Map(OCCUPATION_GROUPS.map((g) => [g.code, g.name]));
const regionNames = new Map([
  ['370406001', '山城街道'],
  ['370406103', '桑村镇'],
  ['370406102', '西集镇'],
]);
const names: MatchNames = { occupation: (c) => leafNames.get(c), group: (c) => groupNames.get(c), region: (c) => regionNames.get(c) };
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 20, 2);
const ctx: MatchContext = { vocabulary, names, now: NOW };

const SANGCUN = '370406103';
const SUZHUANG = '370406103202';
const SHANCHENG = '370406001';
const XIJI = '370406102';
// occupation leaves used below
const WELDER = '6-05-01'; // 电焊工
const ARGON = '6-05-02'; // 氩弧焊工
const CO2 = '6-05-03'; // 二保焊工
const SHEET = '6-05-06'; // 钣金工
const PACKER = '6-10-02'; // 包装工
const ONLINE_PACKER = '4-06-08'; // 电商打包发货员
const LATHE = '6-04-02'; // 车工
const CNC = '6-04-03'; // 数控车床操作工
const FORKLIFT = '4-01-06'; // 叉车司机
const DELIVERY = '4-01-10'; // 配送员
const TOFU = '6-01-01'; // 豆腐制作工
const CLEANER = '4-02-01'; // 保洁员

interface PersonInput extends Partial<Omit<ResidentProfile, 'skillConcepts' | 'expectedWage' | 'expectedMonthly'>> {
  wage?: [number, WageUnit];
}

/** A hand-made person: a full-time seeker in 桑村 苏庄 with nothing else said, unless overridden. */
function person(input: PersonInput = {}): ResidentProfile {
  const { wage, ...rest } = input;
  const skills = rest.skills ?? [];
  return {
    id: 'r1',
    villageCode: SUZHUANG,
    townCode: SANGCUN,
    lat: null,
    lng: null,
    desiredOccupations: [],
    desiredTownCodes: [],
    maxCommuteKm: null,
    availability: ['full_time'],
    keyGroups: [],
    status: 'seeking',
    ...rest,
    skills,
    skillConcepts: vocabulary.conceptsOf(skills),
    expectedWage: wage ? { amount: wage[0], unit: wage[1] } : null,
    expectedMonthly: wage ? monthlyEquivalent(wage[0], wage[1]) : null,
  };
}

interface PostInput extends Partial<Omit<PostProfile, 'skillsWanted' | 'monthlyMin' | 'monthlyMax'>> {
  skills?: string[];
}

/** A hand-made post: an open full-time 电焊工 post in 桑村 paying 5000–6000 元/月, published today. */
function post(input: PostInput = {}): PostProfile {
  const { skills = [], ...rest } = input;
  const p: PostProfile = {
    id: 'p1',
    occupationCode: WELDER,
    townCode: SANGCUN,
    villageCode: null,
    lat: null,
    lng: null,
    wageMin: 5000,
    wageMax: 6000,
    wageUnit: 'month',
    type: 'full_time',
    open: true,
    refreshedAt: NOW,
    expiresAt: null,
    ...rest,
    skillsWanted: skills.map((word) => ({ word, concepts: [...vocabulary.conceptsOf([word])] })),
    monthlyMin: null,
    monthlyMax: null,
  };
  return { ...p, monthlyMin: monthlyEquivalent(p.wageMin, p.wageUnit), monthlyMax: monthlyEquivalent(p.wageMax, p.wageUnit) };
}

describe('SkillVocabulary', () => {
  it('maps 电焊 and 烧电焊 to 电焊工 only, 氩弧焊 to 氩弧焊工 only, and the broader 焊工 to all three welders', () => {
    expect(vocabulary.leavesOf('电焊')).toEqual([WELDER]);
    expect(vocabulary.leavesOf('烧电焊')).toEqual([WELDER]);
    expect(vocabulary.leavesOf('氩弧焊')).toEqual([ARGON]);
    expect([...vocabulary.leavesOf('焊工')].sort()).toEqual([WELDER, ARGON, CO2]);
  });

  it('lets 电焊 and 氩弧焊 meet only through their group, while 焊工 reaches both leaves', () => {
    const weld = vocabulary.conceptsOf(['电焊']);
    expect(weld.has(leafConcept(WELDER))).toBe(true);
    expect(weld.has(leafConcept(ARGON))).toBe(false);
    expect(weld.has(groupConcept('6-05'))).toBe(true);
    const generic = vocabulary.conceptsOf(['焊工']);
    expect(generic.has(leafConcept(WELDER)) && generic.has(leafConcept(ARGON))).toBe(true);
  });

  it('knows which leaves share a synonym (电焊工 and 氩弧焊工 both answer to 焊工)', () => {
    expect(vocabulary.shareSynonym(WELDER, ARGON)).toBe(true);
    expect(vocabulary.shareSynonym(WELDER, SHEET)).toBe(false);
  });

  it('lists for each leaf the leaves it shares a synonym with and those it is related to, as the pairwise checks say', () => {
    expect(vocabulary.synonymLeaves(WELDER)).toEqual(new Set([WELDER, ...OCCUPATION_LEAVES.filter((l) => l.code !== WELDER && vocabulary.shareSynonym(WELDER, l.code)).map((l) => l.code)]));
    expect(vocabulary.synonymLeaves(WELDER).has(ARGON)).toBe(true);
    for (const b of OCCUPATION_LEAVES) {
      const synonyms = vocabulary.synonymLeaves(b.code);
      const related = new Set(vocabulary.relatedLeaves(b.code));
      for (const a of OCCUPATION_LEAVES) {
        if (a.code !== b.code && synonyms.has(a.code) !== vocabulary.shareSynonym(a.code, b.code)) throw new Error(`synonyms of ${b.code} and ${a.code} differ`);
        if (related.has(a.code) !== vocabulary.related(a.code, b.code)) throw new Error(`related ${a.code} → ${b.code} differs`);
      }
    }
  });

  it('matches words whatever their case, as the segmenter lower-cases them (CNC, cnc)', () => {
    expect(vocabulary.leavesOf('cnc')).toContain(CNC);
    expect(vocabulary.leavesOf('CNC')).toContain(CNC);
  });

  it('relates leaves whose words contain one another at a word boundary, both ways', () => {
    expect(vocabulary.related(ONLINE_PACKER, PACKER)).toBe(true); // 打包发货 begins with 打包
    expect(vocabulary.related(PACKER, ONLINE_PACKER)).toBe(true);
    expect(vocabulary.related(CNC, LATHE)).toBe(true); // 数控车工 ends with 车工
    expect(vocabulary.related('8-01-03', '4-01-11')).toBe(true); // 搬运工 (装卸工) begins with 搬运 (搬家工)
    expect(vocabulary.related(FORKLIFT, LATHE)).toBe(false); // 叉车工 is 叉车 + 工, not 车工
    expect(vocabulary.relatedLeaves(ONLINE_PACKER)).toContain(PACKER);
  });

  it('gives a group for codes outside the table by their shape, and none for nonsense', () => {
    expect(vocabulary.groupOfLeaf(WELDER)).toBe('6-05');
    expect(vocabulary.groupOfLeaf('6-99-01')).toBe('6-99');
    expect(vocabulary.groupOfLeaf('x')).toBeUndefined();
  });
});

describe('occupationFit', () => {
  it('is full for the occupation the person wants', () => {
    expect(occupationFit(person({ desiredOccupations: [WELDER] }), post(), ctx)).toEqual({ value: OCCUPATION_FIT.sameLeaf, reason: '想做电焊工' });
  });

  it('is nearly full when the person names the occupation among their skills (烧电焊 for 电焊工)', () => {
    expect(occupationFit(person({ skills: ['烧电焊'] }), post(), ctx)).toEqual({ value: OCCUPATION_FIT.skillNamesLeaf, reason: '会烧电焊' });
  });

  it('counts a word shared by several occupations (焊工) as close, not as naming this one', () => {
    expect(occupationFit(person({ skills: ['焊工'] }), post({ occupationCode: CO2 }), ctx)).toEqual({ value: OCCUPATION_FIT.sharedSynonym, reason: '会焊工' });
  });

  it('is close for a wanted occupation sharing a synonym (氩弧焊工 and 电焊工)', () => {
    expect(occupationFit(person({ desiredOccupations: [ARGON] }), post(), ctx)).toEqual({ value: OCCUPATION_FIT.sharedSynonym, reason: '和想做的氩弧焊工相近' });
  });

  it('is partial for the same group, by wish or by skill', () => {
    const expected = { value: OCCUPATION_FIT.sameGroup, reason: '同类工种（焊接与金属加工）' };
    expect(occupationFit(person({ desiredOccupations: [SHEET] }), post(), ctx)).toEqual(expected);
    expect(occupationFit(person({ skills: ['钣金'] }), post(), ctx)).toEqual(expected);
  });

  it('is partial for a related occupation in another group (电商打包 for a 包装工 post)', () => {
    expect(occupationFit(person({ skills: ['打包发货'] }), post({ occupationCode: PACKER }), ctx)).toEqual({ value: OCCUPATION_FIT.relatedName, reason: '和电商打包发货员相关' });
  });

  it('is small and unexplained for the same major group only, and nothing otherwise', () => {
    expect(occupationFit(person({ desiredOccupations: [TOFU] }), post(), ctx)).toEqual({ value: OCCUPATION_FIT.sameMajorGroup });
    expect(occupationFit(person({ desiredOccupations: [CLEANER] }), post(), ctx)).toEqual({ value: 0 });
  });
});

describe('skillsFit', () => {
  it('scores a post that asks for no skill neutrally, or fully when the person names its occupation', () => {
    expect(skillsFit(person(), post(), vocabulary)).toEqual({ value: NO_SKILLS_ASKED_FIT });
    expect(skillsFit(person({ skills: ['电焊'] }), post(), vocabulary)).toEqual({ value: 1 });
  });

  it('counts the very word and says so', () => {
    expect(skillsFit(person({ skills: ['电焊'] }), post({ skills: ['电焊'] }), vocabulary)).toEqual({ value: 1, reason: '会电焊' });
  });

  it('counts a word at least as precise in full: 烧电焊 for 电焊, 电焊 for 焊工', () => {
    expect(skillsFit(person({ skills: ['烧电焊'] }), post({ skills: ['电焊'] }), vocabulary).value).toBe(1);
    expect(skillsFit(person({ skills: ['电焊'] }), post({ skills: ['焊工'] }), vocabulary)).toEqual({ value: 1, reason: '会电焊' });
  });

  it('quotes the person’s own words, never the post’s: 电焊 and 做饭 against 焊工 and 保洁', () => {
    const f = skillsFit(person({ skills: ['电焊', '做饭'] }), post({ skills: ['焊工', '保洁'] }), vocabulary);
    expect(f.reason).toBe('会电焊');
    expect(f.value).toBe(0.5);
    // One word of the person's meeting two asked for is said once.
    expect(skillsFit(person({ skills: ['烧电焊'] }), post({ skills: ['电焊', '焊工'] }), vocabulary)).toEqual({ value: 1, reason: '会烧电焊' });
  });

  it('does not say 会 for a skill counted only because the person wants the occupation', () => {
    expect(skillsFit(person({ desiredOccupations: [CLEANER] }), post({ occupationCode: CLEANER, skills: ['保洁'] }), vocabulary)).toEqual({ value: 1, reason: undefined });
    const r = scorePair(person({ desiredOccupations: [CLEANER], skills: ['做饭'] }), post({ occupationCode: CLEANER, skills: ['保洁'] }), ctx, false);
    expect(r.reasons).toContain('想做保洁员');
    expect(r.reasons.some((x) => x.startsWith('会'))).toBe(false);
  });

  it('counts a skill naming the occupation the person wants (送货 for a would-be 配送员)', () => {
    expect(skillsFit(person({ desiredOccupations: [DELIVERY] }), post({ occupationCode: DELIVERY, skills: ['送货'] }), vocabulary).value).toBe(1);
  });

  it('counts a broader word only in part, and does not claim the skill (焊工 for 二保焊)', () => {
    expect(skillsFit(person({ skills: ['焊工'] }), post({ skills: ['二保焊'] }), vocabulary)).toEqual({ value: SKILL_BROADER_CREDIT, reason: undefined });
  });

  it('counts the same group only in part (电焊 for 氩弧焊)', () => {
    expect(skillsFit(person({ skills: ['电焊'] }), post({ skills: ['氩弧焊'] }), vocabulary)).toEqual({ value: SKILL_GROUP_CREDIT, reason: undefined });
  });

  it('is the share of the skills asked for', () => {
    const f = skillsFit(person({ skills: ['电焊'] }), post({ skills: ['电焊', '驾照'] }), vocabulary);
    expect(f).toEqual({ value: 0.5, reason: '会电焊' });
  });
});

describe('distance and distanceFit', () => {
  it('measures by coordinates when both sides have them', () => {
    const r = person({ lat: 35.09, lng: 117.46 });
    const p = post({ lat: 35.09, lng: 117.5 });
    const km = haversineKm(35.09, 117.46, 35.09, 117.5);
    expect(km).toBeCloseTo(3.64, 1);
    expect(distance(r, p)).toEqual({ km, how: 'coords' });
    expect(distanceFit(r, p, names)).toEqual({ value: 1 - km / DEFAULT_REACH_KM, reason: '离您3.6公里' });
    expect(distanceFit(r, post({ lat: 35.091, lng: 117.46 }), names).reason).toBe('离您不到1公里');
  });

  it('estimates by 村居, then 镇街, then the 镇街 the person chose, else another 镇街', () => {
    const r = person({ desiredTownCodes: [SHANCHENG], maxCommuteKm: 10 });
    expect(distanceFit(r, post({ villageCode: SUZHUANG }), names)).toEqual({ value: 1 - ESTIMATED_KM.sameVillage / 10, reason: '就在本村' });
    expect(distanceFit(r, post(), names)).toEqual({ value: 1 - ESTIMATED_KM.sameTown / 10, reason: '同在桑村镇' });
    expect(distanceFit(r, post({ townCode: SHANCHENG }), names).reason).toBe('在您想去的山城街道');
    expect(distance(r, post({ townCode: XIJI }))).toEqual({ km: ESTIMATED_KM.otherTown, how: 'other' });
    expect(distanceFit(r, post({ townCode: XIJI }), names)).toEqual({ value: 0 });
  });

  it('speaks of the post, not of "you", when the employer reads it', () => {
    const r = person({ lat: 35.09, lng: 117.46, desiredTownCodes: [SHANCHENG] });
    expect(distanceFit(r, post({ lat: 35.09, lng: 117.5 }), names, true).reason).toBe('离岗位3.6公里');
    expect(distanceFit(person({ desiredTownCodes: [SHANCHENG] }), post({ townCode: SHANCHENG }), names, true).reason).toBe('想来山城街道工作');
  });

  it('uses coordinates only when both sides have them', () => {
    expect(distance(person({ lat: 35.09, lng: 117.46 }), post()).how).toBe('town');
  });
});

describe('wageFit', () => {
  it('is neutral without an expectation or for piece rates', () => {
    expect(wageFit(person(), post()).value).toBe(WAGE_FIT.noExpectation);
    expect(wageFit(person({ wage: [4000, 'month'] }), post({ wageMin: 0.1, wageMax: 0.2, wageUnit: 'piece' })).value).toBe(PIECE_RATE_WAGE_FIT);
  });

  it('rises from meeting the expectation to full at half again above it', () => {
    expect(wageFit(person({ wage: [5000, 'month'] }), post()).value).toBe(WAGE_FIT.meets);
    expect(wageFit(person({ wage: [4000, 'month'] }), post({ wageMin: 6000, wageMax: 6000 })).value).toBe(1);
  });

  it('is lower when only the top of the range meets it, and lowest at the floor', () => {
    expect(wageFit(person({ wage: [5500, 'month'] }), post())).toEqual({ value: WAGE_FIT.rangeMeets, reason: '月薪最高6000元，达到期望5500元' });
    const atFloor = wageFit(person({ wage: [7500, 'month'] }), post());
    expect(atFloor.value).toBeCloseTo(WAGE_FIT.atFloor);
    expect(atFloor.reason).toBeUndefined();
    expect(wageFit(person({ wage: [6100, 'month'] }), post()).value).toBeGreaterThan(0.5);
  });

  it('compares across units in 元/月 and says so in the person’s unit when they match', () => {
    expect(wageFit(person({ wage: [200, 'day'] }), post({ wageMin: 220, wageMax: 220, wageUnit: 'day' })).reason).toBe('日薪220元，高于期望200元');
    const f = wageFit(person({ wage: [200, 'day'] }), post({ wageMin: 5000, wageMax: 6000 }));
    expect(f.value).toBeGreaterThan(WAGE_FIT.meets); // 200 元/天 ≈ 4350 元/月
    expect(f.reason).toBe('月薪5000–6000元，高于期望（约合月薪4350元）');
  });

  it('speaks the post’s unit, the expectation converted, never 约合月薪 for a day wage', () => {
    expect(wageFit(person({ wage: [4000, 'month'] }), post({ wageMin: 200, wageMax: 260, wageUnit: 'day', type: 'gig' })).reason).toBe('日薪200–260元，高于期望（约合日薪184元）');
    expect(wageFit(person({ wage: [4000, 'month'] }), post({ wageMin: 180, wageMax: 220, wageUnit: 'day', type: 'gig' })).reason).toBe('日薪最高220元，达到期望（约合日薪184元）');
    expect(wageFit(person({ wage: [4000, 'month'] }), post({ wageMin: 35, wageMax: 45, wageUnit: 'hour' })).reason).toBe('时薪35–45元，高于期望（约合时薪23元）');
  });

  it('says 达到, not 高于, when the pay equals the expectation', () => {
    expect(wageFit(person({ wage: [5000, 'month'] }), post()).reason).toBe('月薪5000–6000元，达到期望5000元');
    expect(wageFit(person({ wage: [200, 'day'] }), post({ wageMin: 4350, wageMax: 4350 })).reason).toBe('月薪4350元，达到期望（约合月薪4350元）');
  });

  it('gives no pay reason to a post paying below the expectation, in any unit, and ranks it lower', () => {
    const welder = person({ skills: ['电焊'], wage: [4000, 'month'] });
    const greenhouse = post({ id: 'low', occupationCode: '5-01-02', wageMin: 2800, wageMax: 3500 });
    expect(wageFit(welder, greenhouse).reason).toBeUndefined();
    expect(wageFit(welder, post({ wageMin: 150, wageMax: 180, wageUnit: 'day' })).reason).toBeUndefined();
    expect(scorePair(welder, greenhouse, ctx, false).reasons.join()).not.toMatch(/期望/);
    // The same post paying what he asks ranks above it, by more than the pay feature alone.
    const paid = post({ id: 'paid', occupationCode: '5-01-02', wageMin: 4000, wageMax: 4500 });
    const ranked = rankPosts(welder, [greenhouse, paid], ctx, 10);
    expect(ranked.map((x) => x.item.id)).toEqual(['paid', 'low']);
    // A welding post below his minimum still ranks, after the penalty, below what it would without it.
    const low = scorePair(welder, post({ wageMin: 3400, wageMax: 3600 }), ctx, false);
    const fair = scorePair(person({ skills: ['电焊'], wage: [3600, 'month'] }), post({ wageMin: 3400, wageMax: 3600 }), ctx, false);
    expect(low.score).toBeLessThan(fair.score - BELOW_EXPECTATION_PENALTY + 0.001);
    expect(low.reasons.join()).not.toMatch(/期望/);
  });
});

describe('scheduleFit', () => {
  it('is full for the post’s own schedule, less for one that also fits, neutral when unknown', () => {
    expect(scheduleFit(person({ availability: ['part_time'] }), post({ type: 'part_time' }))).toEqual({ value: 1, reason: '兼职，合您的时间' });
    expect(scheduleFit(person({ availability: ['gig'] }), post({ type: 'part_time' }))).toEqual({ value: SECOND_SCHEDULE_FIT, reason: undefined });
    expect(scheduleFit(person({ availability: [] }), post()).value).toBe(UNKNOWN_SCHEDULE_FIT);
    expect(scheduleFit(person(), post())).toEqual({ value: 1, reason: undefined });
    expect(scheduleFit(person({ availability: ['seasonal'] }), post({ type: 'seasonal' }), true).reason).toBe('愿做季节工');
  });
});

describe('freshness', () => {
  it('falls evenly from new to nothing after FRESHNESS_DAYS', () => {
    expect(freshness(post(), NOW)).toEqual({ value: 1, reason: '新发布' });
    expect(freshness(post({ refreshedAt: NOW - (FRESHNESS_DAYS / 2) * DAY }), NOW)).toEqual({ value: 0.5, reason: undefined });
    expect(freshness(post({ refreshedAt: NOW - 40 * DAY }), NOW).value).toBe(0);
  });
});

describe('hardFilter', () => {
  it('passes a fitting pair', () => {
    expect(hardFilter(person(), post(), NOW, 'posts')).toBeNull();
  });

  it('leaves out posts no longer open or past their expiry', () => {
    expect(hardFilter(person(), post({ open: false }), NOW, 'posts')).toBe('closed');
    expect(hardFilter(person(), post({ expiresAt: NOW - 1 }), NOW, 'posts')).toBe('closed');
  });

  it('leaves out people not looking for work, only when ranking people', () => {
    const employed = person({ status: 'employed' });
    expect(hardFilter(employed, post(), NOW, 'people')).toBe('not_seeking');
    expect(hardFilter(employed, post(), NOW, 'posts')).toBeNull();
  });

  it('leaves out schedules the person cannot do', () => {
    const types: [PostType, boolean][] = [['full_time', false], ['part_time', true], ['gig', true], ['seasonal', true], ['shared_staff', false]];
    for (const [type, fits] of types) expect(hardFilter(person({ availability: ['gig'] }), post({ type }), NOW, 'posts')).toBe(fits ? null : 'schedule');
    expect(hardFilter(person({ availability: [] }), post({ type: 'gig' }), NOW, 'posts')).toBeNull();
  });

  it('leaves out work beyond the person’s limit when measured, and an estimate only well beyond it', () => {
    const near = person({ lat: 35.09, lng: 117.46, maxCommuteKm: 5 });
    expect(hardFilter(near, post({ lat: 35.09, lng: 117.5 }), NOW, 'posts')).toBeNull(); // 3.6 km
    expect(hardFilter(near, post({ lat: 35.09, lng: 117.56 }), NOW, 'posts')).toBe('too_far'); // 9.1 km
    // Another 镇街 is estimated at 16 km: beyond 1.5 × 10 km, within 1.5 × 15 km.
    expect(ESTIMATED_KM.otherTown).toBeGreaterThan(10 * ESTIMATE_EXCLUDE_FACTOR);
    expect(hardFilter(person({ maxCommuteKm: 10 }), post({ townCode: XIJI }), NOW, 'posts')).toBe('too_far');
    expect(hardFilter(person({ maxCommuteKm: 15 }), post({ townCode: XIJI }), NOW, 'posts')).toBeNull();
    expect(hardFilter(person({ maxCommuteKm: 3 }), post(), NOW, 'posts')).toBeNull(); // same 镇街, 4 km estimated
  });

  it('leaves out pay far below the expectation, never piece rates', () => {
    expect(hardFilter(person({ wage: [7500, 'month'] }), post(), NOW, 'posts')).toBeNull(); // 6000 = 80 %
    expect(hardFilter(person({ wage: [7600, 'month'] }), post(), NOW, 'posts')).toBe('wage_too_low');
    expect(hardFilter(person({ wage: [300, 'day'] }), post({ wageMin: 0.1, wageMax: 0.2, wageUnit: 'piece' }), NOW, 'posts')).toBeNull();
  });
});

describe('scorePair', () => {
  const welder = person({ desiredOccupations: [WELDER], skills: ['电焊'], wage: [200, 'day'], availability: ['gig'] });
  const gig = post({ type: 'gig', wageMin: 220, wageMax: 220, wageUnit: 'day', skills: ['电焊'], villageCode: SUZHUANG });

  it('scores in [0, 1] with short plain reasons, strongest first', () => {
    const r = scorePair(welder, gig, ctx, false);
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.reasons).toEqual(['想做电焊工', '就在本村', '会电焊', '日薪220元，高于期望200元']);
  });

  it('does not repeat a reason another one already says', () => {
    const r = scorePair(person({ skills: ['二保焊', '电焊'] }), post({ occupationCode: CO2, skills: ['二保焊', '焊工'] }), ctx, false);
    // 焊工 is met by the person's 电焊 (二保焊 already said): both in the person's words.
    expect(r.reasons).toContain('会二保焊、电焊');
    expect(r.reasons).not.toContain('会二保焊');
  });

  it('ranks work outside the trade low however near and well paid it is', () => {
    const cleaner = person({ desiredOccupations: [CLEANER], wage: [2500, 'month'], maxCommuteKm: 20 });
    const farCleaning = post({ occupationCode: CLEANER, townCode: XIJI, wageMin: 2600, wageMax: 2600, refreshedAt: NOW - 20 * DAY });
    const nearWelding = post({ villageCode: SUZHUANG, wageMin: 8000, wageMax: 9000 });
    expect(scorePair(cleaner, farCleaning, ctx, false).score).toBeGreaterThan(scorePair(cleaner, nearWelding, ctx, false).score + 0.2);
  });

  it('adds the key-group priority only when ranking people, and only for people who can do the work', () => {
    const veteran = { ...welder, keyGroups: ['veteran' as const] };
    const plain = scorePair(veteran, gig, ctx, false);
    const asCandidate = scorePair(veteran, gig, ctx, true);
    expect(plain.reasons.join()).not.toContain('优先推荐');
    expect(asCandidate.score).toBeCloseTo(Math.min(1, plain.score + KEY_GROUP_BONUS), 3);
    expect(asCandidate.reasons.at(-1)).toBe('退役军人，优先推荐');
    // What an employer reads: the same reasons without the key group.
    expect(asCandidate.reasonsWithoutKeyGroup?.length).toBeGreaterThan(0);
    expect(asCandidate.reasonsWithoutKeyGroup?.join()).not.toMatch(/优先推荐|退役军人/);
    expect(asCandidate.reasonsWithoutKeyGroup?.slice(0, asCandidate.reasons.length - 1)).toEqual(asCandidate.reasons.slice(0, -1));
    expect(plain.reasonsWithoutKeyGroup).toBeUndefined();
    const unrelated = person({ desiredOccupations: [CLEANER], keyGroups: ['disabled'] });
    expect(scorePair(unrelated, post(), ctx, true).reasons.join()).not.toContain('优先推荐');
  });
});

describe('rankPosts and rankPeople', () => {
  const welder = person({ id: 'r-welder', desiredOccupations: [WELDER], skills: ['电焊'], wage: [5000, 'month'], maxCommuteKm: 20 });

  it('orders posts by fit, leaves out filtered ones, and respects the limit', () => {
    const posts = [
      post({ id: 'p-far', townCode: XIJI }),
      post({ id: 'p-village', villageCode: SUZHUANG }),
      post({ id: 'p-cleaning', occupationCode: CLEANER, villageCode: SUZHUANG }),
      post({ id: 'p-closed', villageCode: SUZHUANG, open: false }),
      post({ id: 'p-gig', type: 'gig', villageCode: SUZHUANG }),
      post({ id: 'p-low', villageCode: SUZHUANG, wageMin: 3000, wageMax: 3500 }),
    ];
    expect(rankPosts(welder, posts, ctx, 10).map((x) => x.item.id)).toEqual(['p-village', 'p-far', 'p-cleaning']);
    expect(rankPosts(welder, posts, ctx, 1).map((x) => x.item.id)).toEqual(['p-village']);
  });

  it('puts the newer of two equal posts first', () => {
    const posts = [post({ id: 'p-old', refreshedAt: NOW - 40 * DAY }), post({ id: 'p-older', refreshedAt: NOW - 50 * DAY })];
    expect(rankPosts(welder, posts, ctx, 2).map((x) => x.item.id)).toEqual(['p-old', 'p-older']);
  });

  it('orders people by fit, nearest first among equals, and leaves out those not looking', () => {
    const p = post({ lat: 35.0, lng: 117.55 });
    const people = [
      person({ id: 'r-cleaner', desiredOccupations: [CLEANER] }),
      person({ id: 'r-far', desiredOccupations: [WELDER], lat: 35.05, lng: 117.55 }),
      person({ id: 'r-near', desiredOccupations: [WELDER], lat: 35.0, lng: 117.551, maxCommuteKm: 1000 }),
      person({ id: 'r-nearer', desiredOccupations: [WELDER], lat: 35.0, lng: 117.5505, maxCommuteKm: 1000 }),
      person({ id: 'r-employed', desiredOccupations: [WELDER], status: 'employed' }),
    ];
    // r-near and r-nearer score the same once rounded (distance counts little against a 1000 km reach).
    expect(rankPeople(p, people, ctx, 10).map((x) => x.item.id)).toEqual(['r-nearer', 'r-near', 'r-far', 'r-cleaner']);
  });

  it('lifts a key-group person above an otherwise equal one when ranking people', () => {
    const people = [person({ id: 'r-a', desiredOccupations: [WELDER] }), person({ id: 'r-b', desiredOccupations: [WELDER], keyGroups: ['disabled'] })];
    expect(rankPeople(post(), people, ctx, 2).map((x) => x.item.id)).toEqual(['r-b', 'r-a']);
  });
});
