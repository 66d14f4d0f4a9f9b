import { createHash } from 'node:crypto';
import { RATING_ITEMS, type RatingLevel } from '@qinqing/domain';
import { PNG } from 'pngjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../../audit/audit.service';
import { Enterprise } from '../../enterprises/enterprise.entity';
import type { Gate } from '../../enterprises/gate.entity';
import { FollowUpCase } from '../../ratings/follow-up-case.entity';
import { Rating } from '../../ratings/rating.entity';
import { MisconductReport, ReportEvent } from '../../reports/misconduct-report.entity';
import { User } from '../../users/user.entity';
import { recordPastVisit } from './demo-activity';
import { asTx } from '../transactions';

const DAY_MS = 86_400_000;

/**
 * The 双向监督 side of the demo: 思念 (firm1) rated a complaint check 好; 瑞泰 (firm2) rated an
 * inspection with a 差 on 廉政执法 — its follow-up case is overdue on the desk — and reported it
 * (监督举报); a visit to 瑞泰 two days ago waits for firm2's rating.
 */
export async function seedDemoOversight(
  dataSource: DataSource,
  audit: AuditService,
  gates: Gate[],
): Promise<void> {
  const user = (username: string) => dataSource.getRepository(User).findOneByOrFail({ username });
  const [officer1, officer2, officer3, officer4, firm1, firm2] = await Promise.all(
    ['officer1', 'officer2', 'officer3', 'officer4', 'firm1', 'firm2'].map(user),
  );
  const firm = (name: string) => dataSource.getRepository(Enterprise).findOneByOrFail({ name });
  const [sinian, ruitai] = await Promise.all([
    firm('郑州思念食品有限公司'),
    firm('河南瑞泰耐材科技有限公司'),
  ]);
  const gateOf = (enterpriseId: string) => gates.find((g) => g.enterpriseId === enterpriseId)!.id;
  const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

  await dataSource.transaction(async (manager) => {
    const praised = await recordPastVisit(manager, audit, {
      at: ago(12),
      enterpriseId: sinian.id,
      gateId: gateOf(sinian.id),
      officers: [officer3, officer4],
      reference: '12369-2026-0418',
      purpose: 'COMPLAINT_VERIFICATION',
    });
    await rate(manager, audit, {
      visitId: praised,
      signer: firm1,
      at: ago(11.9),
      overall: 'GOOD',
      items: ['GOOD', 'GOOD', 'GOOD', 'GOOD', 'GOOD'],
      comment: '核查认真，现场讲解了整改要求，感谢指导。',
    });

    const criticised = await recordPastVisit(manager, audit, {
      at: ago(25),
      enterpriseId: ruitai.id,
      gateId: gateOf(ruitai.id),
      officers: [officer1, officer2],
      reference: '12369-2026-0302',
      purpose: 'COMPLAINT_VERIFICATION',
    });
    await rate(manager, audit, {
      visitId: criticised,
      signer: firm2,
      at: ago(24.8),
      overall: 'FAIR',
      items: ['GOOD', 'FAIR', 'POOR', 'GOOD', 'FAIR'],
      comment: '检查结束后执法人员接受了企业安排的午餐，希望规范。',
      followUpDays: 10,
    });
    await report(manager, audit, {
      enterprise: ruitai,
      reporter: firm2,
      visitId: criticised,
      officer: officer1,
      unitId: officer1.unitId!,
      at: ago(24.7),
      description: '检查结束后执法人员接受了企业安排的午餐（演示数据）。',
    });

    await recordPastVisit(manager, audit, {
      at: ago(2),
      enterpriseId: ruitai.id,
      gateId: gateOf(ruitai.id),
      officers: [officer1, officer2],
      reference: '12369-2026-1107',
      purpose: 'COMPLAINT_VERIFICATION',
    });
  });
}

async function rate(
  manager: EntityManager,
  audit: AuditService,
  r: {
    visitId: string;
    signer: User;
    at: Date;
    overall: RatingLevel;
    items: RatingLevel[];
    comment: string;
    followUpDays?: number;
  },
): Promise<void> {
  const visit: { enterprise_id: string; unit_id: string } = (
    await manager.query('SELECT enterprise_id, unit_id FROM visit WHERE id = $1', [r.visitId])
  )[0];
  const signature = demoSignature();
  const rating = await manager.getRepository(Rating).save({
    visitId: r.visitId,
    enterpriseId: visit.enterprise_id,
    unitId: visit.unit_id,
    overall: r.overall,
    items: r.items,
    comment: r.comment,
    signature,
    signatureSha256: createHash('sha256').update(signature).digest('hex'),
    signerId: r.signer.id,
    submittedAt: r.at,
  });
  let followUpCaseId: string | null = null;
  if (r.followUpDays !== undefined) {
    const followUp = await manager.getRepository(FollowUpCase).save({
      ratingId: rating.id,
      visitId: r.visitId,
      enterpriseId: visit.enterprise_id,
      unitId: visit.unit_id,
      status: 'OPEN' as const,
      openedAt: r.at,
      dueAt: new Date(r.at.getTime() + r.followUpDays * DAY_MS),
      finding: null,
      resolution: null,
      closedAt: null,
      closedBy: null,
    });
    followUpCaseId = followUp.id;
  }
  await audit.append(asTx(manager), {
    actorId: r.signer.id,
    action: 'RATING_SUBMITTED',
    subjectType: 'visit',
    subjectId: r.visitId,
    data: {
      demo: true,
      ratingId: rating.id,
      overall: r.overall,
      items: r.items,
      comment: r.comment,
      signatureSha256: rating.signatureSha256,
      followUpCaseId,
    },
    row: { table: 'rating', id: rating.id },
  });
  if (followUpCaseId) {
    await audit.append(asTx(manager), {
      actorId: null,
      action: 'FOLLOW_UP_OPENED',
      subjectType: 'follow_up',
      subjectId: followUpCaseId,
      data: { demo: true, ratingId: rating.id, visitId: r.visitId },
      row: { table: 'follow_up_case', id: followUpCaseId },
    });
  }
  if (r.items.length !== RATING_ITEMS.length) throw new Error('a demo rating needs five items');
}

async function report(
  manager: EntityManager,
  audit: AuditService,
  r: {
    enterprise: Enterprise;
    reporter: User;
    visitId: string;
    officer: User;
    unitId: string;
    at: Date;
    description: string;
  },
): Promise<void> {
  const saved = await manager.getRepository(MisconductReport).save({
    enterpriseId: r.enterprise.id,
    reporterId: r.reporter.id,
    visitId: r.visitId,
    officerId: r.officer.id,
    unitId: r.unitId,
    categories: ['SIX_2'],
    description: r.description,
    status: 'RECEIVED' as const,
    outcome: null,
    conclusion: null,
    createdAt: r.at,
    updatedAt: r.at,
  });
  await manager.getRepository(ReportEvent).save({
    reportId: saved.id,
    status: 'RECEIVED' as const,
    note: '',
    at: r.at,
    byId: r.reporter.id,
  });
  await audit.append(asTx(manager), {
    actorId: r.reporter.id,
    action: 'REPORT_RECEIVED',
    subjectType: 'report',
    subjectId: saved.id,
    data: { demo: true, enterpriseId: r.enterprise.id, visitId: r.visitId, categories: ['SIX_2'] },
    row: { table: 'misconduct_report', id: saved.id },
  });
}

/** A handwritten-looking signature: two dark strokes on white. */
function demoSignature(): Buffer {
  const png = new PNG({ width: 320, height: 120 });
  png.data.fill(255);
  for (let x = 30; x < 290; x++) {
    const ys = [60 + Math.round(Math.sin(x / 14) * 24), 100 - Math.round((x - 30) / 4)];
    for (const y of ys) {
      for (let dy = -1; dy <= 1; dy++) {
        const i = (png.width * (y + dy) + x) * 4;
        png.data.set([25, 25, 60, 255], i);
      }
    }
  }
  return PNG.sync.write(png);
}
