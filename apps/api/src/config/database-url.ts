/**
 * What is wrong with a DATABASE_URL, or undefined when the pg driver can use it: a postgres:// or
 * postgresql:// URL naming its server by host (`postgres://user@db:5432/qinqing`) or by the folder
 * of a Unix socket in the `host` parameter (`postgres://user@/qinqing?host=/run/postgresql`), the
 * way the embedded database is reached on its own machine.
 */
export function databaseUrlProblem(value: string): string | undefined {
  const match = /^postgres(?:ql)?:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(value);
  if (!match) return 'must be a postgres:// or postgresql:// URL';
  const queryStart = value.indexOf('?');
  const query = new URLSearchParams(queryStart < 0 ? '' : value.slice(queryStart + 1));
  const socketFolder = query.get('host');
  if (socketFolder !== null) {
    return socketFolder.startsWith('/')
      ? undefined
      : "its host parameter must be the absolute path of the Unix socket's folder";
  }
  if (match[1] === '') {
    return 'must name the server: postgres://user@host:port/database, or ?host=/socket/folder';
  }
  try {
    new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  return undefined;
}
