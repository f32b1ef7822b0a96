import type { AssignmentEventView } from '../../api/resources/assignments.api';
import { formatDate } from '../../shared/format-date';
import { escalationLabel } from '../../shared/labels';

/** One line of what an event carried (its reason, note, dates…), for the timeline. */
export function eventSummary(event: Pick<AssignmentEventView, 'type' | 'payload'>): string | null {
  const p = event.payload as Record<string, unknown>;
  const text = (key: string) => (typeof p[key] === 'string' && (p[key] as string).trim() !== '' ? (p[key] as string) : null);
  switch (event.type) {
    case 'progress_reported':
      return [typeof p.percent === 'number' ? `进度${p.percent}%` : null, typeof p.actualValue === 'number' ? `实际完成值${p.actualValue}` : null, text('text')].filter(Boolean).join('；') || null;
    case 'closure_requested':
      return text('summary');
    case 'closure_approved':
      return [text('completedDate') ? `办结日期${formatDate(text('completedDate'))}` : null, text('note')].filter(Boolean).join('；') || null;
    case 'extension_requested':
      return `申请由${formatDate(text('currentDueDate'))}延至${formatDate(text('requestedDueDate'))}${text('reason') ? `；理由：${text('reason')}` : ''}`;
    case 'extension_approved':
      return `期限由${formatDate(text('previousDueDate'))}调整为${formatDate(text('newDueDate'))}${text('reason') ? `；${text('reason')}` : ''}`;
    case 'reassigned':
      return `由${text('fromUnit') ?? '—'}改派至${text('toUnit') ?? '—'}${text('reason') ? `；${text('reason')}` : ''}`;
    case 'urged':
      return [escalationLabel(text('level')), text('note')].filter(Boolean).join('：');
    case 'escalated':
      return `升级为${escalationLabel(text('level'))}`;
    case 'talk_triggered':
      return `第${String(p.talkCount ?? 1)}次约谈${text('reason') ? `；事由：${text('reason')}` : ''}${text('overrideReason') ? `；破例约谈理由：${text('overrideReason')}` : ''}`;
    default:
      return text('reason') ?? text('note') ?? null;
  }
}
