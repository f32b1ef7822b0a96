import { Button, Pagination, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { assignmentsApi } from '../../api/resources/assignments.api';
import { escalationsApi, type EscalationItem } from '../../api/resources/escalations.api';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { ItemList } from '../../shared/item-list';
import { useResource, type Resource } from '../../shared/use-resource';
import type { ActionTarget } from '../assignment/action-dialog';

const PAGE_SIZE = 8;
const READ_AT_MOST = 500;

/**
 * 约谈 proposals still open: the ladder proposed a talk (level talk_proposed) and no
 * talk was held on that assignment since. Newest first.
 */
export async function openTalkProposals(): Promise<EscalationItem[]> {
  const [proposed, held] = await Promise.all([escalationsApi.list({ level: 'talk_proposed', limit: READ_AT_MOST }), escalationsApi.list({ level: 'talk', limit: READ_AT_MOST })]);
  const lastTalk = new Map<string, string>();
  for (const talk of held.items) if ((lastTalk.get(talk.assignmentId) ?? '') < talk.occurredAt) lastTalk.set(talk.assignmentId, talk.occurredAt);
  const seen = new Set<string>();
  return proposed.items.filter((proposal) => {
    if (seen.has(proposal.assignmentId)) return false;
    seen.add(proposal.assignmentId);
    return (lastTalk.get(proposal.assignmentId) ?? '') < proposal.occurredAt;
  });
}

/** The proposals, a page at a time, each with its task and a 约谈 button. */
export function TalkProposals({ proposals, onTalk }: { proposals: Resource<EscalationItem[]>; onTalk: (target: ActionTarget) => void }) {
  const [page, setPage] = useState(1);
  const all = proposals.data ?? [];
  const visible = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const tasks = useResource(() => Promise.all(visible.map((item) => assignmentsApi.get(item.assignmentId).catch(() => null))), visible.map((item) => item.id).join(','));
  return (
    <>
      <ErrorAlert error={proposals.error} onRetry={proposals.reload} />
      <ItemList
        label="约谈建议"
        items={visible}
        itemKey={(item) => item.id}
        render={(item) => {
          const task = tasks.data?.find((candidate) => candidate?.id === item.assignmentId) ?? null;
          return (
            <>
              <Link to={`/assignments/${item.assignmentId}`} style={{ fontWeight: 600 }}>
                {task ? `${task.taskNumber !== null ? `任务${task.taskNumber}：` : ''}${task.taskTitle ?? '目标任务'}` : '查看任务'}
              </Link>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                {item.unitName} · 建议于{formatDateTime(item.occurredAt)}
              </Typography.Paragraph>
              <Space wrap>
                <Button size="small" danger type="primary" onClick={() => onTalk({ id: item.assignmentId, unitName: item.unitName, taskTitle: task?.taskTitle ?? null, dueDate: task?.dueDate ?? '' })}>
                  约谈
                </Button>
              </Space>
            </>
          );
        }}
      />
      {all.length === 0 && !proposals.loading ? <Typography.Text type="secondary">没有待处理的约谈建议</Typography.Text> : null}
      {all.length > PAGE_SIZE ? <Pagination simple size="small" style={{ marginTop: 8 }} current={page} pageSize={PAGE_SIZE} total={all.length} onChange={setPage} showSizeChanger={false} /> : null}
    </>
  );
}
