import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HomeOutlined,
  NotificationOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
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
 * The console's sections. 通报, 考核 and 约谈记录 use the review-cycle API, 单位管理 the
 * organisation directory's.
 */
export const NAVIGATION: readonly NavItem[] = [
  { path: '/', label: '工作台', icon: <HomeOutlined />, roles: EVERYONE },
  { path: '/dashboard', label: '督办驾驶舱', icon: <DashboardOutlined />, roles: OVERSIGHT },
  { path: '/ledger', label: '任务台账', icon: <TableOutlined />, roles: EVERYONE },
  { path: '/plans', label: '方案管理', icon: <FileTextOutlined />, roles: holding('previewPlan') },
  { path: '/bulletins', label: '通报', icon: <NotificationOutlined />, roles: OVERSIGHT },
  { path: '/assessments', label: '年度考核', icon: <TrophyOutlined />, roles: OVERSIGHT },
  { path: '/talks', label: '约谈记录', icon: <CommentOutlined />, roles: holding('readTalks') },
  { path: '/inbox', label: '消息', icon: <BellOutlined />, roles: EVERYONE },
  { path: '/admin/units', label: '单位管理', icon: <ApartmentOutlined />, roles: holding('manageUnits') },
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
