import type { Role } from '@qinqing/domain';

/** Who is calling, as the access token says. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  /** signed in with a one-time password: only the password change is open (auth.guard.ts) */
  mustChangePassword?: boolean;
}
