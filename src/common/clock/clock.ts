import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time as the article lifecycle reads it (comment windows, automatic moderation), injected so a
 * test can move it: a window of 72 hours is tested without waiting 72 hours.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this instance's time forward (tests only: nothing in the service calls it). */
  travel(ms: number): void {
    this.offsetMs += ms;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
