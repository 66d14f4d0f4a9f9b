/** Who uses Qinqing. See shared/docs/domain.md, "People (roles)". */
export const ROLES = ['officer', 'enterprise', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  enterprise: '企业管理人员',
  supervisor: '监督人员',
  admin: '系统管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
