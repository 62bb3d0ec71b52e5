import { DISTRICT_CODE } from '../constants';
import { isTownCode, isVillageCode, isWithinRegion, regionLevelOf, townOf } from './region-code';

describe('regionLevelOf', () => {
  it.each([
    ['370406', 'district'],
    ['370406103', 'town'],
    ['370406001', 'town'],
    ['370406103201', 'village'],
    ['370406103200', 'village'],
    ['370406105001', 'village'],
    ['370405', null], // another district
    ['370405103', null],
    ['370405103201', null],
    ['370400', null], // the city
    ['370000', null], // the province
    ['370406000', null], // no 000 town
    ['370406103000', null], // no 000 village
    ['37040610', null], // 8 digits
    ['3704061032', null], // 10 digits
    ['37040610320', null], // 11 digits
    ['3704061032011', null], // 13 digits
    ['37040610A', null],
    [' 370406103', null],
    ['', null],
    [null, null],
    [370406, null],
  ])('%p → %p', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it('recognises the configured district', () => {
    expect(regionLevelOf(DISTRICT_CODE)).toBe('district');
  });
});

describe('isTownCode / isVillageCode', () => {
  it.each([
    ['370406', false, false],
    ['370406103', true, false],
    ['370406103201', false, true],
    ['370405103', false, false],
    ['370405103201', false, false],
    ['abc', false, false],
  ])('%p: town %p, village %p', (code, town, village) => {
    expect(isTownCode(code)).toBe(town);
    expect(isVillageCode(code)).toBe(village);
  });
});

describe('townOf', () => {
  it.each([
    ['370406103201', '370406103'],
    ['370406105200', '370406105'],
    ['370406103', '370406103'],
    ['370406', null],
    ['370405103201', null],
    ['370406103000', null],
    ['', null],
  ])('%p → %p', (code, town) => {
    expect(townOf(code)).toBe(town);
  });
});

describe('isWithinRegion', () => {
  it.each([
    // [code, scope, within]
    ['370406103201', '370406103201', true],
    ['370406103201', '370406103', true],
    ['370406103201', '370406', true],
    ['370406103', '370406103', true],
    ['370406103', '370406', true],
    ['370406', '370406', true],
    ['370406103201', '370406105', false], // another town
    ['370406103201', '370406103202', false], // a sibling village
    ['370406103', '370406103201', false], // a town is not within its village
    ['370406', '370406103', false], // the district is not within a town
    ['370406', '370406103201', false],
    ['370406103', '370406105', false],
    ['370405103201', '370405', false], // outside the district entirely
    ['370406103201', '370405', false],
    ['370406103201', '', false],
    ['', '370406', false],
    ['370406103201', '37040610', false], // a prefix that is no region
  ])('%p within %p → %p', (code, scope, within) => {
    expect(isWithinRegion(code, scope)).toBe(within);
  });
});
