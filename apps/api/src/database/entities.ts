import { Enterprise } from '../enterprises/enterprise.entity';
import { EnterpriseMember } from '../enterprises/enterprise-member.entity';
import { Gate } from '../enterprises/gate.entity';
import { PositiveListEntry } from '../enterprises/positive-list-entry.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once (no globs: the same list works from src under jest and from dist). */
export const ENTITIES = [Unit, User, Enterprise, EnterpriseMember, Gate, PositiveListEntry];
