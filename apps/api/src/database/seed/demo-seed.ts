import { usccCheckCharacter } from '@qinqing/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { EnterpriseMember } from '../../enterprises/enterprise-member.entity';
import { Gate } from '../../enterprises/gate.entity';
import { PositiveListEntry } from '../../enterprises/positive-list-entry.entity';
import { Unit } from '../../units/unit.entity';
import { hashPassword } from '../../users/password';
import { User } from '../../users/user.entity';
import { DEMO_FIRMS, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data';

/** A format-valid USCC for the n-th demo firm: 91 (company) + 410100 (Zhengzhou) + MA + n. */
export function demoUscc(n: number): string {
  const first17 = `91410100MA${String(n).padStart(6, '0')}X`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

/** Seeds the demo dataset when the database has no accounts yet. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starters; then re-check inside the lock.
    await manager.query('LOCK TABLE app_user IN EXCLUSIVE MODE');
    if ((await manager.count(User)) > 0) return false;
    await seedDemoData(manager);
    return true;
  });
}

async function seedDemoData(manager: EntityManager): Promise<void> {
  const units = new Map<string, Unit>();
  for (const demo of DEMO_UNITS) {
    const unit = await manager.save(
      manager.create(Unit, {
        code: demo.code,
        name: demo.name,
        level: demo.level,
        parentId: demo.parentCode ? units.get(demo.parentCode)!.id : null,
      }),
    );
    units.set(demo.code, unit);
  }

  const users = new Map<string, User>();
  for (const demo of DEMO_USERS) {
    const user = await manager.save(
      manager.create(User, {
        username: demo.username,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        role: demo.role,
        name: demo.name,
        phone: demo.phone ?? null,
        unitId: demo.unitCode ? units.get(demo.unitCode)!.id : null,
        badgeNumber: demo.badgeNumber ?? null,
        jurisdictionUnitId: demo.jurisdictionCode ? units.get(demo.jurisdictionCode)!.id : null,
      }),
    );
    users.set(demo.username, user);
  }

  const firms = new Map<string, Enterprise>();
  for (const [index, demo] of DEMO_FIRMS.entries()) {
    const firm = await manager.save(
      manager.create(Enterprise, {
        uscc: demoUscc(index + 1),
        name: demo.name,
        address: demo.address,
        district: demo.district,
        industry: demo.industry,
        creditGrade: demo.creditGrade,
        supervisionClass: demo.supervisionClass,
        unitId: units.get(demo.unitCode)!.id,
        liaisonOfficerId: demo.liaison ? users.get(demo.liaison)!.id : null,
      }),
    );
    firms.set(demo.key, firm);
    await manager.save(
      demo.gates.map((gate) =>
        manager.create(Gate, {
          ...gate,
          radiusM: gate.radiusM ?? null,
          enterpriseId: firm.id,
        }),
      ),
    );
    await manager.save(
      (demo.positiveList ?? []).map((entry) =>
        manager.create(PositiveListEntry, {
          enterpriseId: firm.id,
          batch: entry.batch,
          effectiveFrom: entry.effectiveFrom,
          effectiveTo: entry.effectiveTo ?? null,
          removalReason: entry.removalReason ?? null,
        }),
      ),
    );
  }

  for (const demo of DEMO_USERS) {
    for (const key of demo.firms ?? []) {
      await manager.save(
        manager.create(EnterpriseMember, {
          userId: users.get(demo.username)!.id,
          enterpriseId: firms.get(key)!.id,
        }),
      );
    }
  }
}
