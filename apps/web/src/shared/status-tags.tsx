import { Tag, Tooltip } from 'antd';
import type { AssignmentSummary } from '../api/resources/assignments.api';
import { escalationLabel, lightLabel, statusLabel } from './labels';

/** Colours chosen for contrast on white (WCAG AA for the tag text). */
const LIGHT_COLORS: Record<string, string> = { red: '#c62828', yellow: '#8a6100', green: '#2e7d32', neutral: '#595959' };
const LIGHT_BACKGROUNDS: Record<string, string> = { red: '#fdecea', yellow: '#fff4d6', green: '#e8f5e9', neutral: '#f0f0f0' };

/** The light with its reasons on hover (and as the accessible name). */
export function LightTag({ item }: { item: Pick<AssignmentSummary, 'light' | 'lightLabel' | 'lightReasons'> }) {
  const label = lightLabel(item.light, item.lightLabel);
  const reasons = item.lightReasons.map((reason) => reason.text).filter(Boolean);
  const tag = (
    <Tag
      aria-label={reasons.length ? `${label}：${reasons.join('；')}` : label}
      style={{ color: LIGHT_COLORS[item.light] ?? LIGHT_COLORS.neutral, background: LIGHT_BACKGROUNDS[item.light] ?? LIGHT_BACKGROUNDS.neutral, borderColor: 'transparent', fontWeight: 600 }}
      data-light={item.light}
    >
      {item.light === 'neutral' ? '—' : `● ${label}`}
    </Tag>
  );
  return reasons.length ? <Tooltip title={reasons.join('；')}>{tag}</Tooltip> : tag;
}

const STATUS_COLORS: Record<string, string> = {
  pending_acceptance: 'orange',
  in_progress: 'blue',
  closure_requested: 'purple',
  closed: 'green',
  declined: 'volcano',
  reassigned: 'default',
  withdrawn: 'default',
};

export function StatusTag({ status, label }: { status: string; label?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status}>
      {statusLabel(status, label)}
    </Tag>
  );
}

export function EscalationTag({ level, label }: { level: string | null; label?: string }) {
  if (!level) return null;
  const severe = level === 'talk' || level === 'talk_proposed' || level === 'bulletin';
  return <Tag color={severe ? 'red' : 'gold'}>{escalationLabel(level, label)}</Tag>;
}
