import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Purpose } from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Gate } from '../../enterprises/gate.entity';
import { GateCodesService } from '../../gates/gate-codes.service';
import { PolicyService } from '../../policy/policy.service';
import { User } from '../../users/user.entity';
import { VisitOfficer } from '../../visits/visit-officer.entity';
import { DrawsService } from '../../draws/draws.service';
import { seedDemoOversight } from './demo-oversight';
import { Visit } from '../../visits/visit.entity';
import { asTx } from '../transactions';

const DAY_MS = 86_400_000;

/**
 * Demo activity on top of the demo master data, so every rule can be tried at once:
 * a gate code for every gate; a quiet period (安静期) for 河南正佳能源环保股份有限公司 in policy
 * version 2; two earlier inspections this year of 郑州众联混凝土有限公司 by 金水分局 (its annual
 * cap of 2). 郑州思念食品有限公司 is on the 正面清单 (无事不扰) from the master data. Then the
 * 双向监督 side (see seedDemoOversight): ratings, an overdue follow-up case, a report.
 */
export async function seedDemoActivity(app: INestApplicationContext): Promise<void> {
  const dataSource = app.get(DataSource);
  const gates = await dataSource.getRepository(Gate).find({ order: { name: 'ASC' } });
  const admin = await dataSource.getRepository(User).findOneByOrFail({ username: 'admin' });
  for (const gate of gates) await app.get(GateCodesService).issue(gate.id, admin.id);

  const firm = (name: string) => dataSource.getRepository(Enterprise).findOneByOrFail({ name });
  const quiet = await firm('河南正佳能源环保股份有限公司');
  const policies = app.get(PolicyService);
  const { version: _version, ...current } = await policies.current();
  await policies.update(
    {
      ...current,
      quietPeriods: [
        {
          daysOfMonth: Array.from({ length: 31 }, (_, i) => i + 1),
          enterpriseIds: [quiet.id],
          label: '检修停产安静期（演示）',
        },
      ],
    },
    '演示：为河南正佳能源环保股份有限公司设置安静期',
    admin.id,
  );

  const capped = await firm('郑州众联混凝土有限公司');
  const [officer1, officer2] = await Promise.all(
    ['officer1', 'officer2'].map((username) =>
      dataSource.getRepository(User).findOneByOrFail({ username }),
    ),
  );
  const audit = app.get(AuditService);
  await dataSource.transaction(async (manager) => {
    for (const [daysAgo, reference] of [
      [40, '郑环专〔2026〕3号 扬尘治理专项'],
      [20, '郑环专〔2026〕9号 VOCs专项'],
    ] as const) {
      await recordPastVisit(manager, audit, {
        at: pastInThisYear(daysAgo),
        enterpriseId: capped.id,
        gateId: (gates.find((g) => g.enterpriseId === capped.id) as Gate).id,
        officers: [officer1, officer2],
        reference,
      });
    }
  });
  await seedDemoOversight(dataSource, audit, gates);
  await seedDemoDraw(app);
}

/**
 * 双随机: a revealed draw over the whole city for this quarter, so officers have tasks and the
 * public page has results; weights as the policy sets them, with a base ratio high enough for a
 * demo of eight firms.
 */
async function seedDemoDraw(app: INestApplicationContext): Promise<void> {
  const supervisor = await app
    .get(DataSource)
    .getRepository(User)
    .findOneByOrFail({ username: 'supervisor' });
  const draws = app.get(DrawsService);
  const caller = { id: supervisor.id, role: 'supervisor' as const };
  const { drawWeights } = await app.get(PolicyService).current();
  const china = new Date(Date.now() + 8 * 3600_000);
  const quarter = Math.floor(china.getUTCMonth() / 3);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const draw = await draws.commit(caller, {
    name: `${china.getUTCFullYear()}年第${'一二三四'[quarter]}季度双随机抽查（演示）`,
    periodStart: day(new Date(Date.UTC(china.getUTCFullYear(), quarter * 3, 1))),
    periodEnd: day(new Date(Date.UTC(china.getUTCFullYear(), quarter * 3 + 3, 0))),
    weights: { ...drawWeights, baseRatio: 0.6 },
    officersPerTask: 2,
  });
  await draws.reveal(caller, draw.id);
}

/** `days` ago, but never before 1 January of this year (China time), so it counts for the cap. */
function pastInThisYear(days: number): Date {
  const now = Date.now();
  const china = new Date(now + 8 * 3600_000);
  const yearStart = Date.UTC(china.getUTCFullYear(), 0, 1) - 8 * 3600_000;
  return new Date(Math.max(now - days * DAY_MS, yearStart + 3600_000));
}

export interface PastVisit {
  at: Date;
  enterpriseId: string;
  gateId: string;
  officers: User[];
  reference: string;
  purpose?: Purpose;
}

/** A checked-out visit in the past, with its audit entries, as if made through the API then. */
export async function recordPastVisit(
  manager: EntityManager,
  audit: AuditService,
  visit: PastVisit,
): Promise<string> {
  const id = randomUUID();
  const [lead, ...others] = visit.officers;
  const gate = await manager.getRepository(Gate).findOneByOrFail({ id: visit.gateId });
  await manager.insert(Visit, {
    id,
    clientId: randomUUID(),
    officerId: lead.id,
    unitId: lead.unitId!,
    enterpriseId: visit.enterpriseId,
    gateId: visit.gateId,
    codeVersion: 1,
    purpose: visit.purpose ?? 'SPECIAL_CAMPAIGN',
    reference: visit.reference,
    outcome: 'ALLOWED',
    reasons: [],
    policyVersion: 1,
    lat: gate.lat,
    lng: gate.lng,
    locationAccuracy: 12,
    clientTime: visit.at,
    receivedAt: visit.at,
    checkedInAt: visit.at,
    checkedOutAt: new Date(visit.at.getTime() + 2 * 3600_000),
    findings: 'GUIDANCE',
    notes: '演示数据：现场服务指导',
  });
  await manager.insert(
    VisitOfficer,
    visit.officers.map((o) => ({ visitId: id, officerId: o.id, isLead: o.id === lead.id })),
  );
  for (const action of ['CHECK_IN', 'CHECK_OUT']) {
    await audit.append(asTx(manager), {
      actorId: lead.id,
      action,
      subjectType: 'visit',
      subjectId: id,
      data: {
        demo: true,
        enterpriseId: visit.enterpriseId,
        officerIds: [lead.id, ...others.map((o) => o.id)],
      },
      row: { table: 'visit', id },
      chainKey: lead.unitId!,
    });
  }
  return id;
}
