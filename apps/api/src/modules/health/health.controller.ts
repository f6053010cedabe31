import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../../common/auth/access.decorator';
import { HealthService, type HealthReport, type PublicHealthReport } from './health.service';
import { APP_VERSION } from '../../version';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * Anyone (a load balancer, a monitor) learns whether Rabta and its database are up; the database's version, where
   * it runs and the migrations are for signed-in users only: no version for an attacker to match against advisories.
   */
  @Get('health')
  @Access('public')
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthReport | PublicHealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') void reply.status(503);
    if (request.user) return report;
    const { connected, unreachableSince } = report.database;
    return { status: report.status, database: { connected, ...(unreachableSince ? { unreachableSince } : {}) } };
  }

  /** What runs here, for signed-in users only. */
  @Get('version')
  @Access('viewer')
  version(): { name: string; version: string; node: string } {
    return { name: 'rabta', version: APP_VERSION, node: process.version };
  }
}
