import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/database/seed/demo-data';
import { assertConformsToContract } from './contract-conformance';
import type { TestApp } from './test-app';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A logged-in demo user talking to the test app through Fastify's inject. */
export interface ApiUser {
  id: string;
  token: string;
  request(method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(t: TestApp, username: string): Promise<ApiUser> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
    // a distinct address per test user keeps the login throttle out of unrelated tests
    remoteAddress: `10.0.0.${Math.floor(Math.random() * 250) + 1}`,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const { accessToken, user } = res.json();
  return {
    id: user.id,
    token: accessToken,
    request: async (method, url, payload) => {
      const res = await t.inject({
        method,
        url,
        headers: { authorization: `Bearer ${accessToken}` },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      });
      assertConformsToContract(method, url, res);
      return res;
    },
  };
}
