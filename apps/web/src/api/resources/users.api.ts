import type { Role } from '@duban/domain';
import { api } from '../api-client';
import type { SessionUser } from '../../auth/session-user';

export interface UserView extends SessionUser {
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitIds: readonly string[];
  readonly password: string;
}

export interface UserChange {
  readonly displayName?: string;
  readonly role?: Role;
  readonly unitIds?: readonly string[];
  readonly disabled?: boolean;
  readonly password?: string;
}

export const usersApi = {
  list: () => api.get<UserView[] | { items: UserView[] }>('/users').then((body) => (Array.isArray(body) ? body : body.items)),
  create: (user: NewUser) => api.post<UserView>('/users', user),
  update: (id: string, change: UserChange) => api.patch<UserView>(`/users/${encodeURIComponent(id)}`, change),
  me: () => api.get<SessionUser>('/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) => api.post<unknown>('/auth/password', { currentPassword, newPassword }),
};
