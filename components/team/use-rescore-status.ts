import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { RescoreStatus } from '@/lib/schema';

/** The background's progress re-scoring every lead, as it writes it to storage. */
export function useRescoreStatus(initial: RescoreStatus | null): RescoreStatus | null {
  const [status, setStatus] = useState(initial);
  useEffect(() => setStatus(initial), [initial]);
  useEffect(
    () =>
      storage.watch<unknown>('local:rescoreStatus', (value) => {
        const parsed = RescoreStatus.safeParse(value);
        if (parsed.success) setStatus(parsed.data);
      }),
    [],
  );
  return status;
}
