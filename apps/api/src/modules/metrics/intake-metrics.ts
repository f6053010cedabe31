import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { IntakeTimings } from '../intake/intake-timings';
import { MetricsService } from './metrics.service';

/** Intake's timed steps (fetch, extract, analyse, gazetteer) into `rabta_intake_duration_seconds`. */
@Injectable()
export class IntakeMetrics implements OnModuleInit, OnModuleDestroy {
  private off?: () => void;

  constructor(
    private readonly timings: IntakeTimings,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.off = this.timings.onTiming((t) => this.metrics.observeIntake(t.step, t.language, t.ms / 1000));
  }

  onModuleDestroy(): void {
    this.off?.();
  }
}
