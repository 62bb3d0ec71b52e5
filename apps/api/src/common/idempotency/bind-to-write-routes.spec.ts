import 'reflect-metadata';
import { Controller, Delete, Get, Module, Patch, Post, Put, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { bindToWriteRoutes } from './bind-to-write-routes';

class Marker implements NestInterceptor {
  intercept(_: unknown, next: CallHandler) {
    return next.handle();
  }
}
class Other implements NestInterceptor {
  intercept(_: unknown, next: CallHandler) {
    return next.handle();
  }
}

@Controller('base')
class BaseController {
  @Post('inherited')
  inherited(): void {}
}

@Controller('things')
class ThingsController extends BaseController {
  @Get()
  list(): void {}
  @Post()
  create(): void {}
  @Put(':id')
  replace(): void {}
  @Patch(':id')
  edit(): void {}
  @Delete(':id')
  remove(): void {}
  helper(): void {}
}

@Controller('deep')
class DeepController {
  @Get()
  read(): void {}
  @Post()
  write(): void {}
}

@Module({ controllers: [DeepController] })
class DeepModule {}

@Module({ imports: [{ forwardRef: () => DeepModule }] as never[] })
class MiddleModule {}

const interceptorsOf = (handler: unknown) => (Reflect.getMetadata(INTERCEPTORS_METADATA, handler as object) as unknown[] | undefined) ?? [];

describe('bindToWriteRoutes', () => {
  it('binds the interceptor to the write handlers of every module reached, and to no read', () => {
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [Other], ThingsController.prototype.edit);
    const root = { module: class Root {}, controllers: [ThingsController], imports: [MiddleModule] };
    expect(bindToWriteRoutes(root, Marker)).toBe(6);
    const p = ThingsController.prototype;
    for (const h of [p.create, p.replace, p.remove, p.inherited, DeepController.prototype.write]) expect(interceptorsOf(h)).toEqual([Marker]);
    // An interceptor written on the route stays, after this one.
    expect(interceptorsOf(p.edit)).toEqual([Marker, Other]);
    for (const h of [p.list, p.helper, DeepController.prototype.read]) expect(interceptorsOf(h)).toEqual([]);
    // A second binding (another app in the same process) changes nothing.
    expect(bindToWriteRoutes(root, Marker)).toBe(6);
    expect(interceptorsOf(p.create)).toEqual([Marker]);
  });
});
