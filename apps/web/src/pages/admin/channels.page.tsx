import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Empty, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { channelsApi, CHANNEL_KINDS, type ChannelKind, type UnitChannel } from '../../api/resources/channels.api';
import { directoryApi } from '../../api/resources/directory.api';
import { ErrorAlert } from '../../shared/error-alert';
import { safeHttpUrl } from '../../shared/safe-url';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';

const KIND_LABELS: Record<ChannelKind, string> = { webhook: 'Webhook（签名回调）', dingtalk: '钉钉群机器人', wecom: '企业微信群机器人', email: '电子邮件' };
const MASK = '***';

interface ChannelValues {
  kind: ChannelKind;
  url?: string;
  secret?: string;
  to?: string;
  digest?: boolean;
}

function toValues(channel: UnitChannel): ChannelValues {
  const to = channel.target.to;
  return { kind: channel.kind, url: channel.target.url, secret: channel.target.secret, to: Array.isArray(to) ? to.join(', ') : to, digest: channel.digest };
}

function toChannel(values: ChannelValues): UnitChannel {
  if (values.kind === 'email') {
    const addresses = (values.to ?? '').split(/[,，;；\s]+/).filter(Boolean);
    return { kind: 'email', target: { to: addresses.length === 1 ? addresses[0] : addresses }, digest: values.digest ?? false };
  }
  return { kind: values.kind, target: { url: values.url?.trim(), ...(values.secret?.trim() ? { secret: values.secret.trim() } : {}) }, digest: values.digest ?? false };
}

const notMasked = { validator: (_: unknown, value: string | undefined) => (value?.includes(MASK) ? Promise.reject(new Error('已保存的密钥不回显，请重新填写完整内容')) : Promise.resolve()) };

function describeTarget(channel: UnitChannel): string {
  if (channel.kind === 'email') return Array.isArray(channel.target.to) ? channel.target.to.join('、') : (channel.target.to ?? '');
  return `${channel.target.url ?? ''}${channel.target.secret ? '（已设置加签密钥）' : ''}`;
}

/** 通知渠道: where each unit hears about its tasks besides the in-app inbox (administrators). */
export default function ChannelsPage() {
  const { message } = App.useApp();
  const units = useResource(() => directoryApi.units(), 'units');
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const channels = useResource(() => (unit ? channelsApi.list(unit) : Promise.resolve([])), unit ?? '');
  const [editing, setEditing] = useState(false);
  const { submitting: saving, error, run } = useSubmission();
  const [form] = Form.useForm<{ channels: ChannelValues[] }>();
  const options = useMemo(() => (units.data?.items ?? []).map((item) => ({ value: item.id && item.id.length === 36 ? item.id : item.name, label: item.name })), [units.data]);

  const save = async () => {
    if (!unit) return;
    const values = await form.validateFields();
    const saved = await run(() => channelsApi.replace(unit, (values.channels ?? []).map(toChannel)).then(() => undefined));
    if (!saved) return;
    message.success('通知渠道已保存');
    setEditing(false);
    channels.reload();
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        通知渠道
      </Typography.Title>
      <Typography.Paragraph type="secondary">站内消息总会送达；此处为单位另行配置钉钉、企业微信、Webhook 或邮件。开启“每日汇总”后，提醒和催办每天合并发送一次。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="单位"
          placeholder="选择单位"
          showSearch
          optionFilterProp="label"
          style={{ width: 320 }}
          options={options}
          loading={units.loading}
          value={unit}
          onChange={(value: string) => {
            setUnit(value);
            setEditing(false);
          }}
        />
      </Space>
      <ErrorAlert error={units.error ?? channels.error} onRetry={unit ? channels.reload : units.reload} />
      {unit ? (
        <Card
          title={`${options.find((option) => option.value === unit)?.label ?? unit}的通知渠道`}
          extra={
            editing ? null : (
              <Button
                type="primary"
                onClick={() => {
                  form.setFieldsValue({ channels: (channels.data ?? []).map(toValues) });
                  setEditing(true);
                }}
              >
                编辑渠道
              </Button>
            )
          }
        >
          {editing ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title="保存后将替换该单位的全部渠道。已保存渠道的地址密钥不回显（显示为 ***），保留它们须重新填写完整内容。" />
              {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
              <Form form={form} layout="vertical">
                <Form.List name="channels">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field, index) => (
                        <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={`渠道${index + 1}`} extra={<Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除渠道${index + 1}`} onClick={() => remove(field.name)} />}>
                          <Form.Item name={[field.name, 'kind']} label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                            <Select options={CHANNEL_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
                          </Form.Item>
                          <Form.Item noStyle shouldUpdate>
                            {({ getFieldValue }) =>
                              getFieldValue(['channels', field.name, 'kind']) === 'email' ? (
                                <Form.Item name={[field.name, 'to']} label="收件地址" rules={[{ required: true, whitespace: true, message: '请填写邮箱地址' }, { pattern: /^\s*[^\s@,，;；]+@[^\s@,，;；]+\.[^\s@,，;；]+(\s*[,，;；\s]\s*[^\s@,，;；]+@[^\s@,，;；]+\.[^\s@,，;；]+)*\s*$/, message: '请填写有效的邮箱地址，多个用逗号分隔' }]}>
                                  <Input placeholder="office@example.gov.cn" />
                                </Form.Item>
                              ) : (
                                <>
                                  <Form.Item
                                    name={[field.name, 'url']}
                                    label="机器人或回调地址"
                                    rules={[{ required: true, whitespace: true, message: '请填写地址' }, notMasked, { validator: (_, value: string | undefined) => (!value || safeHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error('请填写 http(s) 地址'))) }]}
                                  >
                                    <Input placeholder="https://" />
                                  </Form.Item>
                                  <Form.Item name={[field.name, 'secret']} label="加签密钥" rules={[notMasked]} extra="钉钉“加签”或 Webhook 的签名密钥，可不填">
                                    <Input.Password autoComplete="off" />
                                  </Form.Item>
                                </>
                              )
                            }
                          </Form.Item>
                          <Form.Item name={[field.name, 'digest']} label="每日汇总" valuePropName="checked">
                            <Switch />
                          </Form.Item>
                        </Card>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'dingtalk', digest: false })} block>
                        添加渠道
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form>
              <Space style={{ marginTop: 16 }}>
                <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)}>
                  保存
                </Button>
                <Button onClick={() => setEditing(false)}>取消</Button>
              </Space>
            </>
          ) : channels.data?.length ? (
            <Table<UnitChannel>
              rowKey={(channel, index) => channel.id ?? String(index)}
              size="small"
              pagination={false}
              dataSource={channels.data}
              columns={[
                { title: '类型', width: 180, render: (_, channel) => KIND_LABELS[channel.kind] ?? channel.kind },
                { title: '目标', render: (_, channel) => <span style={{ wordBreak: 'break-all' }}>{describeTarget(channel)}</span> },
                { title: '每日汇总', width: 100, render: (_, channel) => (channel.digest ? <Tag color="blue">是</Tag> : '否') },
              ]}
            />
          ) : (
            <Empty description="仅站内消息，未配置其他渠道" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Card>
      ) : null}
    </div>
  );
}
