import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServiceUnavailableError } from '@/common/errors/app-error.js';
import { HealthRepository } from './health.repository.js';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthRepository) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers too. */
  @Get('readyz')
  async ready(): Promise<{ status: 'ready' }> {
    try {
      await this.health.ping();
    } catch {
      throw new ServiceUnavailableError();
    }
    return { status: 'ready' };
  }
}
