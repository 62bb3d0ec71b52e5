import { Injectable } from '@nestjs/common';

/** The one source of "now" for services, so tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
