import { useState } from 'react';
import type { HumanAction } from '../../api/resources/assignments.api';
import { ActionDialog, type ActionTarget } from '../assignment/action-dialog';

/** An action form opened from a list row (one click from the to-do to its action). */
export function useActionDialog(onDone: () => void): [(target: ActionTarget, action: HumanAction) => void, React.ReactNode] {
  const [open, setOpen] = useState<{ target: ActionTarget; action: HumanAction } | null>(null);
  const element = open ? (
    <ActionDialog
      action={open.action}
      target={open.target}
      onClose={() => setOpen(null)}
      onDone={() => {
        setOpen(null);
        onDone();
        // The read model follows the workflow by one activity: look again shortly.
        setTimeout(onDone, 1200);
      }}
    />
  ) : null;
  return [(target, action) => setOpen({ target, action }), element];
}
