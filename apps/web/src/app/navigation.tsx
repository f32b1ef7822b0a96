import {
  AuditOutlined,
  BellOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  NotificationOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { hasPermission, HUMAN_ROLES, readableUnitsOf, type Permission, type Role } from '@duban/domain';

export interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly icon: React.ReactNode;
  /** Roles that see the entry (the API still checks every request). */
  readonly roles: readonly Role[];
}

// Who sees an entry is derived from the domain's rules (read scope, named permissions), never listed here.
const EVERYONE: readonly Role[] = HUMAN_ROLES;
const OVERSIGHT: readonly Role[] = HUMAN_ROLES.filter((role) => readableUnitsOf({ role, unitIds: [] }) === undefined);
const holding = (permission: Permission): readonly Role[] => HUMAN_ROLES.filter((role) => hasPermission(role, permission));

/**
 * The console's sections. The second phase adds here: 通报 (/bulletins) and 考核
 * (/assessments) on the review-cycle API, and 单位管理 (/admin/units: units, aliases,
 * unknown-unit mapping) on the organisation directory's API.
 */
export const NAVIGATION: readonly NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, roles: EVERYONE },
  { path: '/dashboard', label: '督办驾驶舱', icon: <DashboardOutlined />, roles: OVERSIGHT },
  { path: '/ledger', label: '任务台账', icon: <TableOutlined />, roles: EVERYONE },
  { path: '/plans', label: '方案管理', icon: <FileTextOutlined />, roles: holding('previewPlan') },
  { path: '/inbox', label: '消息', icon: <BellOutlined />, roles: EVERYONE },
  { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, roles: holding('manageUsers') },
  { path: '/admin/channels', label: '通知渠道', icon: <NotificationOutlined />, roles: holding('manageUnitChannels') },
  { path: '/admin/audit-log', label: '审计日志', icon: <AuditOutlined />, roles: holding('readAuditLog') },
];

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** The entry a path belongs to (the longest matching prefix). */
export function activeNavPath(pathname: string): string {
  const matches = NAVIGATION.filter((item) => (item.path === '/' ? pathname === '/' || pathname.startsWith('/assignments') : pathname.startsWith(item.path)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
