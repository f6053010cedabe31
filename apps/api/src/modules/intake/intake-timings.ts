import { Injectable } from '@nestjs/common';

/** One timed step of intake: fetching a URL, extracting an HTML page, analysing a text, building the gazetteer. */
export interface IntakeTiming {
  step: 'fetch' | 'extract' | 'analyse' | 'gazetteer';
  ms: number;
  /** The article's language (analyse). */
  language?: string;
}

/**
 * The one place intake reports how long its steps take. A metrics exporter subscribes (`onTiming`) and turns the
 * reports into histograms; without one, the durations are only kept with each intake (`analysisMs`).
 */
@Injectable()
export class IntakeTimings {
  private readonly listeners = new Set<(timing: IntakeTiming) => void>();

  onTiming(fn: (timing: IntakeTiming) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  report(timing: IntakeTiming): void {
    for (const fn of this.listeners) fn(timing);
  }

  /** Runs fn and reports its duration. */
  time<T>(step: IntakeTiming['step'], fn: () => T, language?: string): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.report({ step, ms: performance.now() - started, language });
    }
  }
}
