/**
 * Runs PgliteServer in a child process (PGlite loads its WASM through dynamic import, which jest's
 * module sandbox does not support). Prints the URL, then stops when stdin closes.
 */
import { PgliteServer } from '../../src/database/embedded/pglite-server';

const server = new PgliteServer(process.argv[2]);
server.start().then(
  (url) => {
    process.stdout.write(`${url}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
