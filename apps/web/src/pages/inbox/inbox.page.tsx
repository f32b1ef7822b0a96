import { Badge, Button, Card, Empty, Pagination, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { inboxApi, type InboxItem } from '../../api/resources/inbox.api';
import { useLiveEvents } from '../../app/live-events';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { formatTotal } from '../../shared/format-total';
import { useResource } from '../../shared/use-resource';

const PAGE_SIZE = 20;

/** 消息: the user's units' and role's messages, newest first; opening one records the read receipt. */
export default function InboxPage() {
  const [filter, setFilter] = useState<'all' | 'unread'>('unread');
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<Record<string, InboxItem>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const list = useResource((signal) => inboxApi.list({ unread: filter === 'unread' ? true : undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), `${filter}-${page}`);
  useLiveEvents(list.reload);

  const open = async (item: InboxItem) => {
    setOpened((current) => ({ ...current, [item.id]: item }));
    if (item.readAt) return;
    try {
      const read = await inboxApi.markRead(item.id);
      setOpened((current) => ({ ...current, [item.id]: read }));
    } catch (caught) {
      setFailure(errorMessage(caught));
    }
  };

  const items = list.data?.items ?? [];
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        消息
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="显示"
          value={filter}
          onChange={(value) => {
            setFilter(value as 'all' | 'unread');
            setPage(1);
          }}
          options={[
            { value: 'unread', label: '未读' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Typography.Text type="secondary">共 {formatTotal(list.data)} 条</Typography.Text>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {failure ? <ErrorAlert error={new Error(failure)} /> : null}
      {items.length === 0 && !list.loading ? <Empty description={filter === 'unread' ? '没有未读消息' : '没有消息'} /> : null}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((listed) => {
          const item = opened[listed.id] ?? listed;
          const isOpen = Boolean(opened[listed.id]);
          return (
            <Card key={item.id} size="small" className="inbox-item">
              <button type="button" className="inbox-toggle" aria-expanded={isOpen} onClick={() => void open(item)}>
                <Space align="start">
                  <Badge status={item.readAt ? 'default' : 'processing'} aria-label={item.readAt ? '已读' : '未读'} />
                  <span style={{ fontWeight: item.readAt ? 'normal' : 600 }}>{item.title}</span>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </button>
              {isOpen ? (
                <div style={{ marginTop: 8, paddingLeft: 22 }}>
                  <div className="user-text">{item.body}</div>
                  <Space wrap style={{ marginTop: 8 }}>
                    {typeof item.payload.assignmentId === 'string' ? <Link to={`/assignments/${item.payload.assignmentId}`}>查看任务 →</Link> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.readAt ? `已读于${formatDateTime(item.readAt)}` : '未读'}
                      {item.recipient.startsWith('role:') ? ' · 角色信箱' : ` · ${item.recipientName ?? item.recipient}`}
                    </Typography.Text>
                  </Space>
                </div>
              ) : null}
            </Card>
          );
        })}
      </Space>
      {(list.data?.total ?? 0) > PAGE_SIZE ? (
        <Pagination style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
      ) : null}
      {filter === 'unread' && items.length ? (
        <Button type="link" style={{ marginTop: 8, paddingLeft: 0 }} onClick={list.reload}>
          刷新列表（已读消息将移出“未读”）
        </Button>
      ) : null}
    </div>
  );
}

