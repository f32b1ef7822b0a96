import { useCallback, useState } from 'react';
import { errorMessage } from '../api/api-error';

/** A form's submission: whether it is under way, and the Chinese message of its last failure. */
export function useSubmission(): { submitting: boolean; error: string | null; run: (work: () => Promise<void>) => Promise<boolean> } {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setSubmitting(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      setSubmitting(false);
    }
  }, []);
  return { submitting, error, run };
}
