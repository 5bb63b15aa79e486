import type { Reporter, TestModule, Vitest } from 'vitest/node';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, the form
 * CI reads in any language (vitest's own summary is not one it knows). With coverage
 * on, vitest prints its coverage report after the test run ends, so the line waits for
 * that report to be finished: it stays the last line of the output.
 */
export default class SummaryReporter implements Reporter {
  private coverage = false;
  private line = '';

  onInit(vitest: Vitest): void {
    this.coverage = vitest.config.coverage.enabled;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      if (m.state() === 'failed' && m.children.size === 0) count.failed++;
    }
    this.line = `\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`;
    if (!this.coverage) this.print();
  }

  onFinishedReportCoverage(): void {
    this.print();
  }

  private print(): void {
    if (this.line) process.stdout.write(this.line);
    this.line = '';
  }
}
