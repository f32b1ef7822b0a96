import { api, type Page } from '../api-client';

export interface AuditLogEntry {
  readonly id: string | number;
  readonly occurredAt: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly role?: string | null;
  readonly method: string;
  readonly path: string;
  readonly statusCode: number;
  readonly ip?: string | null;
  readonly [key: string]: unknown;
}

export interface AuditLogQuery {
  readonly username?: string;
  readonly method?: string;
  readonly pathPrefix?: string;
  readonly status?: number;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export const auditLogApi = {
  list: (query: AuditLogQuery) => api.get<Page<AuditLogEntry>>('/audit-log', { ...query }),
};
