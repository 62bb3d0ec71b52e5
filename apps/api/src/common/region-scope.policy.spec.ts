import type { Role } from '@zaogong/shared';
import { areaOf, mayAccessRegion } from './region-scope.policy';

const who = (role: Role, regionCode: string | null) => ({ userId: 'u', role, regionCode, employerId: null });

describe('mayAccessRegion', () => {
  it.each([
    ['district admin, any village', who('admin', null), '370406103201', true],
    ['admin with the district code, any village', who('admin', '370406'), '370406103201', true],
    ['town officer, own village', who('admin', '370406103'), '370406103201', true],
    ['town officer, own town', who('admin', '370406103'), '370406103', true],
    ['town officer, other town', who('admin', '370406103'), '370406104201', false],
    ['town officer, the district as a whole', who('admin', '370406103'), '370406', false],
    ['village liaison, own village', who('liaison', '370406103201'), '370406103201', true],
    ['village liaison, neighbour village', who('liaison', '370406103201'), '370406103202', false],
    ['village liaison, own town as a whole', who('liaison', '370406103201'), '370406103', false],
    ['town liaison, village in town', who('liaison', '370406103'), '370406103220', true],
    ['town liaison, village elsewhere', who('liaison', '370406103'), '370406106201', false],
    ['liaison without region', who('liaison', null), '370406103201', false],
    ['liaison with the district code (not an area a liaison can have)', who('liaison', '370406'), '370406103201', false],
    ['liaison, code outside the district', who('liaison', '370406103'), '370402103201', false],
    ['seeker has no region scope', who('seeker', null), '370406103201', true],
  ])('%s', (_label, user, code, expected) => {
    expect(mayAccessRegion(user, code)).toBe(expected);
  });

  it('gives each caller their area: the district, a 镇街 or 村居, or none', () => {
    expect(areaOf(who('admin', null))).toBe('370406');
    expect(areaOf(who('admin', '370406103'))).toBe('370406103');
    expect(areaOf(who('liaison', '370406103201'))).toBe('370406103201');
    expect(areaOf(who('liaison', null))).toBeNull();
    expect(areaOf(who('employer', null))).toBeNull();
    expect(areaOf(who('seeker', null))).toBeNull();
  });
});
