import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  NotificationOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '@duban/domain';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Roles that see the entry (the API still checks every request). */
  readonly roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['unit_staff', 'supervisor', 'coordinator', 'admin'];
const OVERSIGHT: readonly Role[] = ['supervisor', 'coordinator', 'admin'];

/**
 * The console's sections. The second phase adds here: 通报 (/bulletins) and 考核
 * (/assessments) on the review-cycle API, and 单位管理 (/admin/units: units, aliases,
 * unknown-unit mapping) on the organisation directory's API.
 */
export const NAVIGATION: readonly NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, roles: EVERYONE },
  { path: '/dashboard', label: '督办驾驶舱', icon: <DashboardOutlined />, roles: OVERSIGHT },
  { path: '/ledger', label: '任务台账', icon: <TableOutlined />, roles: EVERYONE },
  { path: '/plans', label: '方案管理', icon: <FileTextOutlined />, roles: ['coordinator', 'admin'] },
  { path: '/inbox', label: '消息', icon: <BellOutlined />, roles: EVERYONE },
  { path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined />, roles: ['coordinator', 'admin'] },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, roles: ['admin'] },
  { path: '/admin/channels', label: '通知渠道', icon: <NotificationOutlined />, roles: ['admin'] },
  { path: '/admin/audit-log', label: '审计日志', icon: <AuditOutlined />, roles: ['admin'] },
];

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** The entry a path belongs to (the longest matching prefix). */
export function activeNavPath(pathname: string): string {
  const matches = NAVIGATION.filter((item) => (item.path === '/' ? pathname === '/' || pathname.startsWith('/assignments') : pathname.startsWith(item.path)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
