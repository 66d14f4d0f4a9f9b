import { Client } from 'pg';
import { databaseUrlProblem } from './database-url';
import { validateEnv } from './env';

describe('DATABASE_URL', () => {
  it.each([
    'postgres://u@db:5432/q',
    'postgresql://u:secret@10.0.0.5/qinqing',
    'postgres://db/q',
    'postgres://postgres@/qinqing?host=%2Fvar%2Frun%2Fpostgresql&port=5432',
    'postgres://postgres@/qinqing?host=/tmp/qinqing-data/postgres&port=41234',
  ])('accepts %s', (url) => {
    expect(databaseUrlProblem(url)).toBeUndefined();
    const env = { DATABASE_URL: url, PUBLIC_BASE_URL: 'https://qinqing.example.gov.cn' };
    expect(validateEnv(env).DATABASE_URL).toBe(url);
  });

  it.each([
    ['mysql://u@db/q', /postgres:\/\/ or postgresql:\/\//],
    ['db:5432/q', /postgres:\/\/ or postgresql:\/\//],
    ['postgres:///q', /must name the server/],
    ['postgres://u@/q', /must name the server/],
    ['postgres://u@/q?host=run/postgresql', /absolute path/],
    ['postgres://u@db:99999999/q', /not a valid URL/],
  ])('refuses %s, saying why', (url, why) => {
    expect(databaseUrlProblem(url)).toMatch(why);
    expect(() => validateEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
  });

  it('names the socket folder the way the pg driver reads it', () => {
    const client = new Client({
      connectionString: 'postgres://postgres@/qinqing?host=%2Ftmp%2Fqinqing&port=41234',
    });
    expect(client.host).toBe('/tmp/qinqing');
    expect(client.port).toBe(41234);
    expect(client.database).toBe('qinqing');
  });
});
