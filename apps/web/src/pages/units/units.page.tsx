import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { unitsApi, UNIT_KINDS, type DirectoryUnit } from '../../api/resources/units.api';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { unitKindLabel } from '../../shared/labels';
import { useResource } from '../../shared/use-resource';
import { UnitDialog } from './unit-dialog';

/** A unit's aliases: each removable, one more added inline (the name as plans print it). */
function Aliases({ unit, editable, onChanged }: { unit: DirectoryUnit; editable: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState<string | null>(null);
  const change = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Space size={[4, 4]} wrap>
      {unit.aliases.map((alias) => (
        <Tag
          key={alias}
          closable={editable}
          closeIcon={editable ? <span aria-label={`删除别名${alias}`}>×</span> : undefined}
          onClose={(event) => {
            event.preventDefault();
            void change(() => unitsApi.removeAlias(unit.id, alias), `已删除别名“${alias}”`);
          }}
        >
          {alias}
        </Tag>
      ))}
      {editable && adding === null ? (
        <Button size="small" type="dashed" onClick={() => setAdding('')} aria-label={`为${unit.name}添加别名`}>
          + 别名
        </Button>
      ) : null}
      {editable && adding !== null ? (
        <Input
          size="small"
          autoFocus
          style={{ width: 140 }}
          value={adding}
          maxLength={60}
          aria-label="新别名"
          onChange={(event) => setAdding(event.target.value)}
          onBlur={() => setAdding(null)}
          onPressEnter={() => {
            const alias = adding.trim();
            setAdding(null);
            if (alias) void change(() => unitsApi.addAlias(unit.id, alias), `已添加别名“${alias}”`);
          }}
        />
      ) : null}
    </Space>
  );
}

/** 单位管理: the organisation directory's units and the aliases plans print them by (coordinators, administrators). */
export default function UnitsPage() {
  const { actor } = useSignedIn();
  const editable = actor.role === 'coordinator' || actor.role === 'admin';
  const [text, setText] = useState('');
  const [kind, setKind] = useState<string | undefined>(undefined);
  const units = useResource(() => unitsApi.list({ text: text.trim() || undefined, kind }), `units-${text.trim()}-${kind ?? ''}`);
  const [editing, setEditing] = useState<DirectoryUnit | 'new' | null>(null);
  const { message } = App.useApp();

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          单位管理
        </Typography.Title>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建单位
          </Button>
        ) : null}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="单位名称、简称或别名" aria-label="搜索单位" style={{ width: 260, maxWidth: '100%' }} onSearch={setText} />
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="单位类别"
          style={{ width: 160 }}
          value={kind}
          onChange={setKind}
          options={UNIT_KINDS.map((value) => ({ value, label: unitKindLabel(value) }))}
        />
      </Space>
      <ErrorAlert error={units.error} onRetry={units.reload} />
      <Table<DirectoryUnit>
        rowKey="id"
        loading={units.loading}
        dataSource={units.data?.items as DirectoryUnit[] | undefined}
        scroll={{ x: 860 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '单位全称', dataIndex: 'name', width: 240 },
          { title: '简称', width: 120, render: (_, unit) => unit.shortName ?? '—' },
          { title: '类别', width: 110, render: (_, unit) => unitKindLabel(unit.kind, unit.kindLabel) },
          { title: '所属行政区', width: 120, render: (_, unit) => unit.jurisdictionName ?? '—' },
          { title: '别名（方案中的写法）', render: (_, unit) => <Aliases unit={unit} editable={editable} onChanged={units.reload} /> },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 80,
                  render: (_: unknown, unit: DirectoryUnit) => (
                    <Button size="small" onClick={() => setEditing(unit)} aria-label={`编辑单位${unit.name}`}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <UnitDialog
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('已保存');
            units.reload();
          }}
        />
      ) : null}
    </div>
  );
}
