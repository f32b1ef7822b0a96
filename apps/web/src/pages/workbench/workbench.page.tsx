import { Typography } from 'antd';
import { useSignedIn } from '../../app/session-context';
import { roleLabel } from '../../shared/labels';
import { useUnitNames } from '../../shared/use-unit-names';
import { AdminWorkbench } from './admin-workbench';
import { CoordinatorWorkbench } from './coordinator-workbench';
import { SupervisorWorkbench } from './supervisor-workbench';
import { UnitStaffWorkbench } from './unit-staff-workbench';

/** 工作台: each role's to-dos, each one click from its action. */
export default function WorkbenchPage() {
  const { user } = useSignedIn();
  const unitNames = useUnitNames(user.unitIds);
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        工作台
        <Typography.Text type="secondary" className="page-subtitle">
          {user.displayName} · {roleLabel(user.role, user.roleLabel)}
          {user.unitIds.length ? ` · ${unitNames.join('、')}` : ''}
        </Typography.Text>
      </Typography.Title>
      {user.role === 'unit_staff' ? <UnitStaffWorkbench /> : null}
      {user.role === 'supervisor' ? <SupervisorWorkbench /> : null}
      {user.role === 'coordinator' ? <CoordinatorWorkbench /> : null}
      {user.role === 'admin' ? <AdminWorkbench /> : null}
    </div>
  );
}
