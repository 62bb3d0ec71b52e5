import type { AuthPrincipal } from '../../common/auth-principal';
import { ledgerScopeOf, mayExportFullIdNumbers } from './ledger-export.policy';

const who = (role: AuthPrincipal['role'], regionCode: string | null = null): AuthPrincipal => ({ userId: 'u', role, regionCode, employerId: null });

describe('ledger export policy', () => {
  it.each([
    ['district admin', who('admin'), ''],
    ['district admin with the district code', who('admin', '370406'), ''],
    ['镇街 officer', who('admin', '370406103'), '370406103'],
    ['镇街 liaison', who('liaison', '370406103'), '370406103'],
    ['村居 liaison', who('liaison', '370406103201'), '370406103201'],
    ['liaison without an area', who('liaison'), null],
    ['seeker', who('seeker'), null],
    ['employer', who('employer'), null],
  ])('%s exports %p', (_label, actor, scope) => {
    expect(ledgerScopeOf(actor)).toBe(scope);
  });

  it('only admins may ask for full 身份证号', () => {
    expect(mayExportFullIdNumbers(who('admin'))).toBe(true);
    expect(mayExportFullIdNumbers(who('admin', '370406103'))).toBe(true);
    expect(mayExportFullIdNumbers(who('liaison', '370406103'))).toBe(false);
    expect(mayExportFullIdNumbers(who('seeker'))).toBe(false);
  });
});
