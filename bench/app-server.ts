/**
 * The real API in its own process (as in production), so the load generator in the parent does not
 * share its event loop. Started by run.ts with fork(); reports {port} over IPC and stops on 'stop'.
 * Settings come from BENCH_APP_* variables set by the parent.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createApp } from '../apps/api/src/bootstrap';

async function main(): Promise<void> {
  const env = process.env;
  const app = await createApp({
    NODE_ENV: 'production',
    DATABASE_URL: env.BENCH_APP_DATABASE_URL,
    DB_POOL_MAX: Number(env.BENCH_APP_POOL_MAX ?? 10),
    LOG_LEVEL: 'silent',
    // The per-officer limit is counted on every check-in as in production (the same statement),
    // but set above what the run's synthetic officers send: the runs follow one another within
    // the minute, and a faster machine met the default 30 in the one-connection run (429s).
    CHECK_IN_RATE_LIMIT_PER_MINUTE: Number(env.BENCH_APP_CHECK_IN_LIMIT ?? 30),
    DATA_DIR: env.BENCH_APP_DATA_DIR,
    H5_DIR: '/nonexistent',
    JWT_SECRET: env.BENCH_APP_JWT_SECRET,
    GATE_CODE_SEED: env.BENCH_APP_GATE_CODE_SEED,
    AUDIT_CHECKPOINT_SEED: env.BENCH_APP_AUDIT_CHECKPOINT_SEED,
    PUBLIC_BASE_URL: 'https://qinqing.example.cn',
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.send?.({ port });
  // The event loop's delay, sampled every 10 ms; the parent reads and resets it around each run.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // Garbage collections, which pause the loop: their longest pause and their total.
  let gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  // CPU profiles of single runs (`--profile`): started and stopped by the parent around a run, so
  // that start-up and the other runs stay out of it. The inspector session opens on the first.
  let inspector: Session | undefined;
  const post = (method: string) =>
    new Promise<unknown>((done, fail) => {
      if (!inspector) {
        inspector = new Session();
        inspector.connect();
      }
      inspector.post(method, (error, result) => (error ? fail(error) : done(result)));
    });
  process.on('message', (message: unknown) => {
    const profile = (message as { profile?: { start?: true; stopTo?: string } }).profile;
    if (profile?.start) {
      void post('Profiler.enable')
        .then(() => post('Profiler.start'))
        .then(() => process.send?.({ profiling: true }));
    }
    if (profile?.stopTo) {
      const file = profile.stopTo;
      void post('Profiler.stop').then((result) => {
        writeFileSync(file, JSON.stringify((result as { profile: unknown }).profile));
        process.send?.({ profiled: file });
      });
    }
  });
  process.on('message', (message) => {
    if (message === 'loop-delay') {
      process.send?.({
        loopDelay: {
          p99Ms: loopDelay.percentile(99) / 1e6,
          maxMs: loopDelay.max / 1e6,
          meanMs: loopDelay.mean / 1e6,
          gcCount: gc.count,
          gcTotalMs: gc.totalMs,
          gcMaxMs: gc.maxMs,
        },
      });
      loopDelay.reset();
      gc = { count: 0, totalMs: 0, maxMs: 0 };
    }
    if (message === 'stop') {
      void app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  // The parent gone (killed): do not linger.
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
