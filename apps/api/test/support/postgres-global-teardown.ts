import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handle = globalThis.__qinqingTestCluster;
  if (!handle) return;
  await handle.cluster.stop();
  rmSync(handle.root, { recursive: true, force: true });
  globalThis.__qinqingTestCluster = undefined;
}
