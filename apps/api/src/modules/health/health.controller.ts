import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { HealthService, type HealthReport } from './health.service';
import { APP_VERSION } from '../../version';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @Access('public')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') void reply.status(503);
    return report;
  }

  @Get('version')
  @Access('public')
  version(): { name: string; version: string; node: string } {
    return { name: 'rabta', version: APP_VERSION, node: process.version };
  }
}
