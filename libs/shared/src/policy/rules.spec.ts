import { evaluateRules, monthsBetween, ruleProblem, type EmployerFacts, type PersonFacts, type PolicyRule } from './rules';

const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  keyGroups: ['graduate'],
  age: 23,
  gender: 'female',
  education: 'college',
  status: 'seeking',
  townCode: '370406103',
  villageCode: '370406103201',
  gigDays90: 0,
  monthsSinceGraduation: 10,
  hiredWithinMonths: null,
  ...over,
});
const firm = (over: Partial<EmployerFacts> = {}): EmployerFacts => ({ industryCode: 'C', townCode: '370406103', keyGroupHires12m: 3, ...over });
const names = (code: string) => ({ '370406103': '桑村镇' })[code];
const r = (field: string, op: PolicyRule['op'], value: unknown): PolicyRule => ({ field, op, value });

describe('policy rules: who qualifies', () => {
  it.each<[string, PolicyRule[], Partial<PersonFacts>, boolean]>([
    ['a graduate', [r('keyGroups', 'contains', 'graduate')], {}, true],
    ['not a veteran', [r('keyGroups', 'contains', 'veteran')], {}, false],
    ['any of two groups', [r('keyGroups', 'in', ['veteran', 'graduate'])], {}, true],
    ['age 16 on the lower bound', [r('age', 'gte', 16)], { age: 16 }, true],
    ['age 15 below it', [r('age', 'gte', 16)], { age: 15 }, false],
    ['age 60 on the upper bound', [r('age', 'lte', 60)], { age: 60 }, true],
    ['age 61 above it', [r('age', 'lte', 60)], { age: 61 }, false],
    ['no birth date: not eligible, no error', [r('age', 'lte', 60)], { age: null }, false],
    ['no education: not eligible', [r('education', 'gte', 'college')], { education: null }, false],
    ['大专 counts as 大专及以上', [r('education', 'gte', 'college')], { education: 'college' }, true],
    ['中专 is below 大专', [r('education', 'gte', 'college')], { education: 'vocational' }, false],
    ['本科 is above 大专', [r('education', 'gte', 'college')], { education: 'bachelor' }, true],
    ['graduated 24 months ago is within 2 years', [r('monthsSinceGraduation', 'lte', 24)], { monthsSinceGraduation: 24 }, true],
    ['25 months is not', [r('monthsSinceGraduation', 'lte', 24)], { monthsSinceGraduation: 25 }, false],
    ['no graduation date', [r('monthsSinceGraduation', 'lte', 24)], { monthsSinceGraduation: null }, false],
    ['seeking', [r('status', 'eq', 'seeking')], {}, true],
    ['not migrated', [r('status', 'ne', 'migrated')], {}, true],
    ['in the 镇街', [r('townCode', 'eq', '370406103')], {}, true],
    ['in one of two 村居', [r('villageCode', 'in', ['370406104201', '370406103201'])], {}, true],
    ['day work at least 10 days', [r('gigDays90', 'gte', 10)], { gigDays90: 9 }, false],
    ['hired within 6 months', [r('hiredWithinMonths', 'lte', 6)], { hiredWithinMonths: 6 }, true],
    ['never hired', [r('hiredWithinMonths', 'lte', 6)], { hiredWithinMonths: null }, false],
    ['all rules must hold', [r('keyGroups', 'contains', 'graduate'), r('age', 'gte', 30)], {}, false],
    ['an unknown field fails quietly', [r('income', 'gte', 1)], {}, false],
    ['a wrong value type fails quietly', [r('age', 'gte', '16')], {}, false],
    ['no rules: nobody', [], {}, false],
  ])('%s', (_what, rules, over, eligible) => {
    expect(evaluateRules('person', rules, person(over)).eligible).toBe(eligible);
  });

  it('gives the reasons in words a person reads', () => {
    const out = evaluateRules('person', [r('keyGroups', 'contains', 'graduate'), r('monthsSinceGraduation', 'lte', 24), r('townCode', 'eq', '370406103'), r('education', 'gte', 'college')], person(), names);
    expect(out).toEqual({ eligible: true, reasons: ['您是高校毕业生', '毕业不到2年', '您在桑村镇', '您的学历是大专'] });
    expect(evaluateRules('person', [r('monthsSinceGraduation', 'lte', 18)], person()).reasons).toEqual(['毕业不到18个月']);
  });

  it('judges firms by industry, 镇街 and key-group hires', () => {
    expect(evaluateRules('employer', [r('keyGroupHires12m', 'gte', 1), r('industryCode', 'in', ['C', 'E'])], firm())).toEqual({ eligible: true, reasons: ['近12个月吸纳重点人群3人', '贵单位属于制造业'] });
    expect(evaluateRules('employer', [r('keyGroupHires12m', 'gte', 1)], firm({ keyGroupHires12m: 0 })).eligible).toBe(false);
    // A person's field on a firm's policy fails, never throws.
    expect(evaluateRules('employer', [r('age', 'gte', 1)], firm()).eligible).toBe(false);
  });
});

describe('policy rules: what a policy may say', () => {
  it.each<[unknown, 'person' | 'employer', RegExp]>([
    [[], 'person', /至少写一条/],
    ['x', 'person', /列表/],
    [[{ field: 'income', op: 'gte', value: 1 }], 'person', /没有这个条件项：income/],
    [[{ field: 'age', op: 'contains', value: 1 }], 'person', /年龄.*可用的比较/],
    [[{ field: 'age', op: 'gte', value: '16' }], 'person', /0到1200的整数/],
    [[{ field: 'age', op: 'gte', value: -1 }], 'person', /0到1200的整数/],
    [[{ field: 'keyGroups', op: 'contains', value: 'rich' }], 'person', /没有这个值：rich/],
    [[{ field: 'keyGroups', op: 'in', value: [] }], 'person', /1到50个值/],
    [[{ field: 'townCode', op: 'eq', value: '3704' }], 'person', /9位地区代码/],
    [[{ field: 'education', op: 'gte', value: 'phd' }], 'person', /没有这个值/],
    [[{ field: 'age', op: 'gte', value: 16 }], 'employer', /没有这个条件项：age/],
    [[null], 'person', /第1条条件/],
    [Array(13).fill({ field: 'age', op: 'gte', value: 16 }), 'person', /最多12条/],
  ])('refuses %j for a %s policy', (rules, audience, message) => {
    expect(ruleProblem(audience, rules)?.message).toMatch(message);
  });

  it('takes well-formed rules', () => {
    expect(ruleProblem('person', [r('keyGroups', 'in', ['graduate', 'veteran']), r('age', 'lte', 35), r('education', 'gte', 'college')])).toBeNull();
    expect(ruleProblem('employer', [r('industryCode', 'eq', 'C'), r('keyGroupHires12m', 'gte', 1)])).toBeNull();
  });

  it('counts whole months', () => {
    expect(monthsBetween('2025-06', '2026-12-07')).toBe(18);
    expect(monthsBetween('2026-06-10', '2026-12-07')).toBe(5);
    expect(monthsBetween('2026-06-07', '2026-12-07')).toBe(6);
    expect(monthsBetween(null, '2026-12-07')).toBeNull();
    expect(monthsBetween('2027-01', '2026-12-07')).toBeNull();
  });
});
