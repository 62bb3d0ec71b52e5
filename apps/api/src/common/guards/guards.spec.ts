import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@zaogong/shared';
import type { AuthPrincipal } from '../auth-principal';
import { REGION_SCOPED, ROLES, type RegionScopeSource } from '../decorators/auth.decorators';
import { RegionScopeGuard } from './region-scope.guard';
import { RolesGuard } from './roles.guard';

function context(meta: Record<string, unknown>, req: object): { ctx: ExecutionContext; reflector: Reflector } {
  const handler = () => undefined;
  const reflector = new Reflector();
  jest.spyOn(reflector, 'getAllAndOverride').mockImplementation((key: unknown) => meta[key as string]);
  const ctx = {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, reflector };
}

const user = (role: Role, regionCode: string | null = null): AuthPrincipal => ({ userId: 'u1', role, regionCode, employerId: null });

describe('RolesGuard', () => {
  it('lets any caller through a route without @Roles', () => {
    const { ctx, reflector } = context({}, {});
    expect(new RolesGuard(reflector).canActivate(ctx)).toBe(true);
  });

  it('admits the listed roles only', () => {
    const meta = { [ROLES]: ['admin', 'liaison'] };
    const ok = context(meta, { user: user('liaison', '370406103') });
    expect(new RolesGuard(ok.reflector).canActivate(ok.ctx)).toBe(true);
    const no = context(meta, { user: user('seeker') });
    expect(() => new RolesGuard(no.reflector).canActivate(no.ctx)).toThrow(ForbiddenException);
    const anon = context(meta, {});
    expect(() => new RolesGuard(anon.reflector).canActivate(anon.ctx)).toThrow(UnauthorizedException);
  });
});

describe('RegionScopeGuard', () => {
  const scoped = (sources: RegionScopeSource[], req: object) => {
    const { ctx, reflector } = context({ [REGION_SCOPED]: sources }, req);
    return () => new RegionScopeGuard(reflector).canActivate(ctx);
  };

  it('passes a village liaison acting in their own village', () => {
    expect(scoped([{ in: 'body', field: 'villageCode' }], { user: user('liaison', '370406103201'), body: { villageCode: '370406103201' } })()).toBe(true);
  });

  it('refuses a village in another village or town', () => {
    const guard = scoped([{ in: 'query', field: 'villageCode' }], { user: user('liaison', '370406103201'), query: { villageCode: '370406104201' } });
    expect(guard).toThrow(ForbiddenException);
  });

  it('checks every code of a list field', () => {
    const req = { user: user('liaison', '370406103'), body: { desiredTownCodes: ['370406103', '370406106'] } };
    expect(scoped([{ in: 'body', field: 'desiredTownCodes' }], req)).toThrow(ForbiddenException);
  });

  it('refuses a non-string code rather than letting it past', () => {
    expect(scoped([{ in: 'body', field: 'villageCode' }], { user: user('liaison', '370406103'), body: { villageCode: 370406103201 } })).toThrow(ForbiddenException);
  });

  it('limits a 镇街 officer (admin with a region) and not a district admin', () => {
    const req = (u: AuthPrincipal) => ({ user: u, params: { code: '370406106201' } });
    expect(scoped([{ in: 'params', field: 'code' }], req(user('admin', '370406103')))).toThrow(ForbiddenException);
    expect(scoped([{ in: 'params', field: 'code' }], req(user('admin')))()).toBe(true);
  });

  it('ignores absent fields and routes without the decorator', () => {
    expect(scoped([{ in: 'query', field: 'villageCode' }], { user: user('liaison', '370406103201'), query: {} })()).toBe(true);
    const { ctx, reflector } = context({}, { user: user('liaison', '370406103201') });
    expect(new RegionScopeGuard(reflector).canActivate(ctx)).toBe(true);
  });
});
