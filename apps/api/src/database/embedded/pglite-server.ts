import { mkdirSync } from 'node:fs';
import { freePort } from './free-port';

/**
 * PGlite (PostgreSQL compiled to WASM) behind its socket server, so the unchanged `pg` driver and
 * TypeORM connect to it. It is one backend: callers must use a pool of one connection.
 */
export class PgliteServer {
  private stopServer?: () => Promise<void>;

  constructor(private readonly dataDir: string) {}

  async start(): Promise<string> {
    mkdirSync(this.dataDir, { recursive: true });
    // Loaded lazily: only machines without PostgreSQL binaries pay for the WASM module.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(this.dataDir);
    const port = await freePort();
    const server = new PGLiteSocketServer({
      db,
      port,
      host: '127.0.0.1',
      maxConnections: 1,
    });
    await server.start();
    this.stopServer = async () => {
      await server.stop();
      await db.close();
    };
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  async stop(): Promise<void> {
    await this.stopServer?.();
  }
}
