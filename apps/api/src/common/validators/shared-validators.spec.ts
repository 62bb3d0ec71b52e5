import { knownRegionLevel } from './known-regions';
import { townTargetsProblem } from './shared-validators';

describe('knownRegionLevel', () => {
  it.each([
    ['370406', 'district'],
    ['370406103', 'town'],
    ['370406405', 'town'],
    ['370406103200', 'village'],
    ['370406999', null],
    ['370406103999', null],
    ['370406110', null],
    ['370400', null],
    ['370406000', null],
    [370406103, null],
    [null, null],
  ])('%s → %s', (code, level) => expect(knownRegionLevel(code)).toBe(level));
});

describe('townTargetsProblem', () => {
  it('accepts real 镇街 with whole non-negative targets', () => {
    expect(townTargetsProblem({})).toBeNull();
    expect(townTargetsProblem({ '370406103': 300, '370406001': 0 })).toBeNull();
  });
  it.each([
    [[], /应为/],
    [null, /应为/],
    ['x', /应为/],
    [{ '370406999': 1 }, /370406999 不是山亭区的镇街代码/],
    [{ '370406103200': 1 }, /不是山亭区的镇街代码/],
    [{ '370406103': -1 }, /不能为负数/],
    [{ '370406103': 1.5 }, /应为整数/],
    [{ '370406103': '3' }, /应为整数/],
    [{ '370406103': 2_000_000 }, /过大/],
  ])('refuses %j', (value, message) => expect(townTargetsProblem(value)).toMatch(message));
});
