import type { Role } from '@qinqing/domain';

/** Who is calling, as the access token says. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
}
