import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { inboxApi } from '../api/resources/inbox.api';
import { roleLabel } from '../shared/labels';
import { PageLoading } from '../shared/page-loading';
import { useResource } from '../shared/use-resource';
import { useLiveEvents, useLiveStatus } from './live-events';
import { activeNavPath, navigationFor } from './navigation';
import { useSignedIn, useSession } from './session-context';
import { useUnitNames } from '../shared/use-unit-names';

const { Header, Sider, Content } = Layout;

const LIVE_TEXT = { connecting: '正在连接实时更新…', live: '实时更新已连接', retrying: '实时更新已断开，正在重连…', closed: '实时更新未连接' } as const;

/** The signed-in frame: navigation for the role, the user menu, unread messages, live-update status. */
export function AppLayout() {
  const { user } = useSignedIn();
  const unitNames = useUnitNames(user.unitIds);
  const { signOut } = useSession();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const liveStatus = useLiveStatus();
  const unread = useResource((signal) => inboxApi.list({ unread: true, limit: 1 }, signal), 'unread');
  useLiveEvents(unread.reload);

  const items = navigationFor(user.role).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} onClick={() => setDrawerOpen(false)}>
        {item.label}
        {item.path === '/inbox' && unread.data?.total ? <Badge count={unread.data.total} size="small" offset={[8, -2]} /> : null}
      </Link>
    ),
  }));
  const menu = <Menu mode="inline" theme="dark" selectedKeys={[activeNavPath(location.pathname)]} items={items} aria-label="主导航" />;
  const userMenu = {
    items: [
      { key: 'who', label: `${user.displayName}（${roleLabel(user.role, user.roleLabel)}）`, disabled: true },
      ...(user.unitIds.length ? [{ key: 'units', label: `单位：${unitNames.join('、')}`, disabled: true }] : []),
      { type: 'divider' as const },
      { key: 'password', icon: <UserOutlined />, label: '修改密码' },
      { key: 'sign-out', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'sign-out') void signOut().then(() => navigate('/login', { replace: true }));
      if (key === 'password') void navigate('/account/password');
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      {narrow ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} styles={{ body: { padding: 0, background: '#001529' } }} title="督办平台">
          {menu}
        </Drawer>
      ) : (
        <Sider width={208} breakpoint="lg" collapsible style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <div className="brand">
            <span className="brand-mark">督</span>
            <span className="brand-name">督办平台</span>
          </div>
          {menu}
        </Sider>
      )}
      <Layout>
        <Header className="app-header">
          <Space size={12}>
            {narrow ? <Button type="text" icon={<MenuOutlined />} aria-label="打开导航" onClick={() => setDrawerOpen(true)} /> : null}
            <Typography.Text strong className="app-title">
              {narrow ? '督办平台' : '任务督查督办平台'}
            </Typography.Text>
          </Space>
          <Space size={narrow ? 8 : 16}>
            <Tooltip title={LIVE_TEXT[liveStatus]}>
              <span className={`live-dot live-${liveStatus}`} role="status" aria-label={LIVE_TEXT[liveStatus]} />
            </Tooltip>
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} aria-label="用户菜单">
                {narrow ? null : user.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content id="main" tabIndex={-1} className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
