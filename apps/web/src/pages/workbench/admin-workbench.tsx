import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { plansApi } from '../../api/resources/plans.api';
import { useResource } from '../../shared/use-resource';
import { CoordinatorWorkbench } from './coordinator-workbench';
import { StatCard } from './stat-card';

/** 管理员的工作台: drafts waiting to be published, then the same review queues as coordinators (admins may decide them too). */
export function AdminWorkbench() {
  const drafts = useResource(() => plansApi.list({ status: 'draft', limit: 1 }).then((page) => page.total), 'drafts');
  const published = useResource(() => plansApi.list({ status: 'published', limit: 1 }).then((page) => page.total), 'published');
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard title="待发布的方案草稿" value={drafts.data} color="#1d4ed8" to="/plans?status=draft" />
        </Col>
        <Col xs={12} md={6}>
          <StatCard title="已发布的方案" value={published.data} to="/plans?status=published" />
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Paragraph style={{ margin: 0 }}>
              导入方案文件后，在 <Link to="/plans">方案管理</Link> 中核对任务、责任单位与期限，确认无误后发布。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <CoordinatorWorkbench />
    </>
  );
}
