import { PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { bulletinsApi, type Bulletin, type SummaryShare } from '../../api/resources/review.api';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { lightLabel, reviewLabel } from '../../shared/labels';
import { PageLoading } from '../../shared/page-loading';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { ExportButton, percent, PlanPicker } from './review-shared';

const STATUS_COLORS: Record<string, string> = { drafting: 'processing', draft: 'gold', published: 'green' };

function StatusTag({ bulletin }: { bulletin: Pick<Bulletin, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLORS[bulletin.status]}>{reviewLabel(bulletin.status, bulletin.statusLabel)}</Tag>;
}

function NewBulletinDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<{ planId: string; asOf: dayjs.Dayjs; kind: 'half_year' | 'on_demand' }>();
  const { submitting, error, run } = useSubmission();
  const submit = async () => {
    const values = await form.validateFields();
    let created = '';
    if (await run(async () => void (created = (await bulletinsApi.create({ planId: values.planId, asOf: values.asOf.format('YYYY-MM-DD'), kind: values.kind })).id))) onCreated(created);
  };
  return (
    <Modal open title="生成通报草稿" okText="生成" cancelText="取消" confirmLoading={submitting} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ asOf: dayjs(), kind: 'half_year' }}>
        <Form.Item name="planId" label="方案" rules={[{ required: true, message: '请选择方案' }]}>
          <PlanPicker />
        </Form.Item>
        <Form.Item name="asOf" label="统计截至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format="YYYY年M月D日" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={[{ value: 'half_year', label: reviewLabel('half_year') }, { value: 'on_demand', label: reviewLabel('on_demand') }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SharesTable({ title, rows, name }: { title: string; rows: readonly SummaryShare[] | undefined; name: (row: SummaryShare) => string }) {
  if (!rows?.length) return null;
  return (
    <Card size="small" title={title} style={{ marginTop: 12 }}>
      <Table<SummaryShare>
        size="small"
        rowKey={(row) => name(row)}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        dataSource={rows as SummaryShare[]}
        columns={[
          { title: '类别', render: (_, row) => name(row) },
          { title: '数量', width: 90, dataIndex: 'count' },
          { title: '占比', width: 90, render: (_, row) => percent(row.share) },
        ]}
      />
    </Card>
  );
}

/** One bulletin: the draft's text (edited by coordinators while a draft), its summary, publish and export. */
function BulletinDetail({ id }: { id: string }) {
  const { actor } = useSignedIn();
  const { message, modal } = App.useApp();
  const bulletin = useResource(() => bulletinsApi.get(id), `bulletin-${id}`);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const save = useSubmission();
  const data = bulletin.data;
  const mayEdit = actor.role === 'coordinator' && data?.status === 'draft';

  useEffect(() => {
    if (data) {
      setTitle(data.title);
      setText(data.text ?? '');
    }
  }, [data]);
  // The draft is written by a background job: look again until it is ready.
  useEffect(() => {
    if (data?.status !== 'drafting') return;
    const timer = setTimeout(bulletin.reload, 2000);
    return () => clearTimeout(timer);
  }, [data, bulletin.reload]);

  if (!data) return bulletin.error ? <ErrorAlert error={bulletin.error} onRetry={bulletin.reload} /> : <PageLoading />;
  const dirty = title !== data.title || text !== (data.text ?? '');
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/bulletins">← 全部通报</Link>
      </Space>
      <Card
        title={
          <Space wrap>
            <span>{data.title}</span>
            <StatusTag bulletin={data} />
          </Space>
        }
        extra={
          <Space wrap>
            <ExportButton label="导出Excel" fileName={`${data.title}.xlsx`} load={() => bulletinsApi.exportFile(id, 'xlsx')} />
            <ExportButton label="导出Word" fileName={`${data.title}.docx`} load={() => bulletinsApi.exportFile(id, 'docx')} />
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {data.planTitle ? `${data.planTitle} · ` : ''}统计截至{formatDate(data.asOf)}
          {data.publishedAt ? ` · ${formatDateTime(data.publishedAt)}发布` : ''}
        </Typography.Paragraph>
        {data.status === 'drafting' ? <Alert type="info" showIcon title="正在生成通报草稿…" /> : null}
        {save.error ? <Alert type="error" showIcon role="alert" title={save.error} style={{ marginBottom: 12 }} /> : null}
        {mayEdit ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input value={title} onChange={(event) => setTitle(event.target.value)} aria-label="通报标题" maxLength={200} />
            <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} aria-label="通报正文" autoSize={{ minRows: 12, maxRows: 40 }} />
            <Space wrap>
              <Button
                disabled={!dirty || !title.trim()}
                loading={save.submitting}
                onClick={() => void save.run(async () => void (await bulletinsApi.update(id, { title: title.trim(), text }))).then((ok) => ok && (message.success('草稿已保存'), bulletin.reload()))}
              >
                保存草稿
              </Button>
              <Button
                type="primary"
                disabled={dirty}
                onClick={() =>
                  modal.confirm({
                    title: '发布通报',
                    content: '发布后通报内容不可再修改，并通知相关单位。确定发布？',
                    okText: '发布',
                    cancelText: '取消',
                    onOk: () => save.run(async () => void (await bulletinsApi.publish(id))).then((ok) => ok && (message.success('通报已发布'), bulletin.reload())),
                  })
                }
              >
                发布通报
              </Button>
              {dirty ? <Typography.Text type="secondary">先保存草稿再发布</Typography.Text> : null}
            </Space>
          </Space>
        ) : (
          <Typography.Paragraph className="user-text" style={{ whiteSpace: 'pre-wrap' }}>
            {data.text}
          </Typography.Paragraph>
        )}
      </Card>
      {data.summary ? (
        <Card title={`统计（共${data.summary.total}项）`} style={{ marginTop: 16 }}>
          <SharesTable title="按序时进度" rows={data.summary.byPace} name={(row) => String(row.paceLabel ?? row.pace ?? '—')} />
          <SharesTable title="按红黄绿灯" rows={data.summary.byLight} name={(row) => lightLabel(String(row.light ?? ''), row.lightLabel)} />
          <SharesTable title="按责任单位" rows={data.summary.byUnit} name={(row) => String(row.unitName ?? '—')} />
          <SharesTable title="按地区" rows={data.summary.byRegion} name={(row) => String(row.region ?? '—')} />
        </Card>
      ) : null}
      {data.laggingItems?.length ? (
        <Card title="进度滞后事项" style={{ marginTop: 16 }}>
          <Table
            size="small"
            rowKey={(row, index) => String(row.assignmentId ?? index)}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
            dataSource={data.laggingItems as NonNullable<Bulletin['laggingItems']>[number][]}
            columns={[
              { title: '任务', render: (_, row) => (row.assignmentId ? <Link to={`/assignments/${row.assignmentId}`}>{`${row.taskNumber ?? ''} ${row.taskTitle ?? ''}`}</Link> : row.taskTitle) },
              { title: '责任单位', width: 160, render: (_, row) => row.unitName ?? '—' },
              { title: '原因', render: (_, row) => row.reason ?? '—' },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}

/** 通报: the list per plan; coordinators generate drafts. `/bulletins/:id` shows one. */
export default function BulletinsPage() {
  const { id } = useParams();
  const { actor } = useSignedIn();
  const navigate = useNavigate();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useResource(() => (id ? Promise.resolve(null) : bulletinsApi.list({ planId })), `bulletins-${id ?? ''}-${planId ?? ''}`);
  if (id) return <BulletinDetail id={id} />;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          通报
        </Typography.Title>
        {actor.role === 'coordinator' ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            生成通报
          </Button>
        ) : null}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker value={planId} onChange={setPlanId} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Bulletin>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items as Bulletin[] | undefined}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '标题', render: (_, row) => <Link to={`/bulletins/${row.id}`}>{row.title}</Link> },
          { title: '方案', render: (_, row) => row.planTitle ?? '—' },
          { title: '统计截至', width: 140, render: (_, row) => formatDate(row.asOf) },
          { title: '状态', width: 90, render: (_, row) => <StatusTag bulletin={row} /> },
        ]}
      />
      {creating ? <NewBulletinDialog onClose={() => setCreating(false)} onCreated={(created) => navigate(`/bulletins/${created}`)} /> : null}
    </div>
  );
}
