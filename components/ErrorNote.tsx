import type { Translate } from '@/lib/i18n';
import type { ErrorValue } from '@/lib/messaging';

export function ErrorNote({ error, t }: { error: ErrorValue | null; t: Translate }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800" data-error-code={error.code}>
      {t('errorPrefix', { message: error.message })}
    </p>
  );
}
