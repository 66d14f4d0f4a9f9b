import type { Role, SessionResponse, SessionUser } from '@qinqing/domain';
import { taroStore, type KeyValueStore } from './storage';

const SESSION_KEY = 'qinqing.session';

/** The logged-in account and its tokens, kept in durable storage. */
export class SessionStore {
  constructor(private readonly store: KeyValueStore = taroStore) {}

  get(): SessionResponse | undefined {
    return this.store.get<SessionResponse>(SESSION_KEY);
  }

  save(session: SessionResponse): void {
    this.store.set(SESSION_KEY, session);
  }

  clear(): void {
    this.store.remove(SESSION_KEY);
  }

  user(): SessionUser | undefined {
    return this.get()?.user;
  }
}

export const session = new SessionStore();

/** Each role's first screen after login. */
export const HOME_OF: Record<Role, string> = {
  officer: '/pages/officer/home/index',
  enterprise: '/pages/firm/home/index',
  supervisor: '/pages/supervisor/desk/index',
  admin: '/pages/supervisor/desk/index',
};
