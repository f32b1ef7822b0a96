import { api, type Page } from '../api-client';

export interface InboxItem {
  readonly id: string;
  readonly recipient: string;
  readonly recipientName?: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly payload: { assignmentId?: string; planId?: string; [key: string]: unknown };
  readonly createdAt: string;
  readonly readAt: string | null;
}

export const inboxApi = {
  list: (query: { unread?: boolean; kind?: string; limit?: number; offset?: number } = {}, signal?: AbortSignal) => api.get<Page<InboxItem>>('/inbox', query, signal),
  markRead: (id: string) => api.post<InboxItem>(`/inbox/${encodeURIComponent(id)}/read`),
};
