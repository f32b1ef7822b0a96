import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { AssignmentSummary } from '../api/resources/assignments.api';
import { formatDate } from './format-date';
import { EscalationTag, LightTag, StatusTag } from './status-tags';

/** Assignments as cards: the phone-width form of a list (one tap opens the assignment). */
export function AssignmentCards({ items, action, empty = '暂无任务' }: { items: readonly AssignmentSummary[]; action?: (item: AssignmentSummary) => React.ReactNode; empty?: string }) {
  if (items.length === 0) return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {items.map((item) => (
        <Card key={item.id} size="small" className="assignment-card">
          <Link to={`/assignments/${item.id}`} className="assignment-card-title">
            {item.taskNumber !== null ? `任务${item.taskNumber}：` : ''}
            {item.taskTitle ?? '目标任务'}
          </Link>
          <Space wrap size={[6, 6]} style={{ marginTop: 6 }}>
            <LightTag item={item} />
            <StatusTag status={item.status} label={item.statusLabel} />
            <EscalationTag level={item.escalationLevel} label={item.escalationLevelLabel} />
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {item.unitName}
            {item.region ? ` · ${item.region}` : ''} · 期限{formatDate(item.dueDate)}
            {item.percent !== null ? ` · 进度${item.percent}%` : ''}
          </Typography.Paragraph>
          {action ? <div style={{ marginTop: 8 }}>{action(item)}</div> : null}
        </Card>
      ))}
    </Space>
  );
}
