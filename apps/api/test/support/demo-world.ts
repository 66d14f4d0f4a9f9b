import { randomUUID } from 'node:crypto';
import { seedDemoDataIfEmpty } from '../../src/database/seed/demo-seed';
import { login, type ApiUser } from './api-client';
import type { Env } from '../../src/config/env';
import { startTestApp, type TestApp } from './test-app';

export interface Firm {
  id: string;
  name: string;
  gateId: string;
  gate: { lat: number; lng: number; radiusM: number };
}

/** The test app with the demo data, the demo users logged in, and the firms by name. */
export interface DemoWorld {
  t: TestApp;
  users: Record<
    | 'admin'
    | 'supervisor'
    | 'supervisor2'
    | 'officer1'
    | 'officer2'
    | 'officer3'
    | 'officer4'
    | 'firm1'
    | 'firm2',
    ApiUser
  >;
  firms: Record<
    'sinian' | 'yutong' | 'zhonglian' | 'ruitai' | 'haier' | 'haoxiangni' | 'hanyang' | 'zhengjia',
    Firm
  >;
  /** Issues (or re-issues) the code of a firm's first gate as admin; returns the QR text. */
  issueCode(firm: Firm): Promise<string>;
}

const FIRM_NAMES = {
  sinian: '郑州思念食品有限公司',
  yutong: '郑州宇通客车股份有限公司',
  zhonglian: '郑州众联混凝土有限公司',
  ruitai: '河南瑞泰耐材科技有限公司',
  haier: '郑州海尔空调器有限公司',
  haoxiangni: '新郑好想你健康食品股份有限公司',
  hanyang: '郑州瀚洋天辰危险废物处置有限公司',
  zhengjia: '河南正佳能源环保股份有限公司',
} as const;

export async function startDemoWorld(overrides: Partial<Env> = {}): Promise<DemoWorld> {
  const t = await startTestApp(overrides);
  await seedDemoDataIfEmpty(t.dataSource);
  const names = [
    'admin',
    'supervisor',
    'supervisor2',
    'officer1',
    'officer2',
    'officer3',
    'officer4',
    'firm1',
    'firm2',
  ] as const;
  const logged = await Promise.all(names.map((name) => login(t, name)));
  const users = Object.fromEntries(names.map((name, i) => [name, logged[i]])) as DemoWorld['users'];
  const res = await users.admin.request('GET', '/api/v1/enterprises');
  const items: {
    id: string;
    name: string;
    gates: { id: string; lat: number; lng: number; radiusM: number }[];
  }[] = res.json().items;
  const firms = Object.fromEntries(
    Object.entries(FIRM_NAMES).map(([key, name]) => {
      const firm = items.find((f) => f.name === name)!;
      const gate = firm.gates[0];
      return [key, { id: firm.id, name, gateId: gate.id, gate }];
    }),
  ) as unknown as DemoWorld['firms'];
  return {
    t,
    users,
    firms,
    async issueCode(firm) {
      const issued = await users.admin.request('POST', `/api/v1/gates/${firm.gateId}/codes`);
      if (issued.statusCode !== 201)
        throw new Error(`issue code: ${issued.statusCode} ${issued.body}`);
      return issued.json().code;
    },
  };
}

/** A check-in body at the firm's gate, now, with officer2 as co-officer unless told otherwise. */
export function checkInBody(
  world: DemoWorld,
  code: string,
  firm: Firm,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    clientId: randomUUID(),
    code,
    purpose: 'SPECIAL_CAMPAIGN',
    reference: '郑环专〔2026〕12号',
    coOfficerIds: [world.users.officer2.id],
    location: { lat: firm.gate.lat, lng: firm.gate.lng, accuracy: 10 },
    clientTime: new Date().toISOString(),
    ...overrides,
  };
}
