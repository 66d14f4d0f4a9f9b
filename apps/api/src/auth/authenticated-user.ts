import type { Role } from '@qinqing/domain';
import type { TokenClaims } from './token.service';

/** Who is calling, as the access token says. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  /** signed in with a one-time password: only the password change is open (auth.guard.ts) */
  mustChangePassword?: boolean;
  /**
   * The token's claims, when its account is still to be checked: on a route that checks it in its
   * own statement (@ChecksAccountItself), which must call `Authenticator.checkAccount` with the
   * account's row before anything else. Absent: the account was checked when the request came.
   */
  accountToCheck?: TokenClaims;
}
