import type { Role } from '@zaogong/shared';
import { mayAccessRegion, regionFilterFor } from './region-scope.policy';

const who = (role: Role, regionCode: string | null) => ({ userId: 'u', role, regionCode, employerId: null });

describe('mayAccessRegion', () => {
  it.each([
    ['district admin, any village', who('admin', null), '370406103201', true],
    ['town officer, own village', who('admin', '370406103'), '370406103201', true],
    ['town officer, other town', who('admin', '370406103'), '370406104201', false],
    ['village liaison, own village', who('liaison', '370406103201'), '370406103201', true],
    ['village liaison, neighbour village', who('liaison', '370406103201'), '370406103202', false],
    ['village liaison, own town as a whole', who('liaison', '370406103201'), '370406103', false],
    ['town liaison, village in town', who('liaison', '370406103'), '370406103220', true],
    ['town liaison, village elsewhere', who('liaison', '370406103'), '370406106201', false],
    ['liaison without region', who('liaison', null), '370406103201', false],
    ['liaison, code outside the district', who('liaison', '370406103'), '370402103201', false],
    ['seeker has no region scope', who('seeker', null), '370406103201', true],
  ])('%s', (_label, user, code, expected) => {
    expect(mayAccessRegion(user, code)).toBe(expected);
  });

  it('limits lists for liaisons and 镇街 officers only', () => {
    expect(regionFilterFor(who('liaison', '370406103201'))).toBe('370406103201');
    expect(regionFilterFor(who('admin', '370406103'))).toBe('370406103');
    expect(regionFilterFor(who('admin', null))).toBeNull();
    expect(regionFilterFor(who('employer', null))).toBeNull();
  });
});
