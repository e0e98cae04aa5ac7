import { useEffect, useState } from 'react';
import { sendMessage, type ResponseOf } from '@/lib/messaging';
import { Stage } from '@/lib/schema';
import { useTranslate } from '../use-translate';

type Forecast = ResponseOf<'pipeline.forecast'>;

/** The weighted forecast of every lead by stage (shared/domain.md §8): count, expected amount and weighted amount. */
export function PipelineForecast() {
  const t = useTranslate();
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void sendMessage('pipeline.forecast', {}).then((answer) => (answer.ok ? setForecast(answer.data) : setError(answer.error.message)));
  }, []);
  if (error) return <p role="alert" className="text-red-700">{t('errorPrefix', { message: error })}</p>;
  if (!forecast) return null;

  const money = (amount: number) => `${Math.round(amount).toLocaleString()} ${forecast.currency}`;
  const stages = Stage.options.filter((stage) => forecast.byStage[stage]!.count > 0);
  return (
    <section className="space-y-2 rounded border border-gray-200 p-3" data-testid="pipeline-forecast">
      <h2 className="text-xs font-medium text-gray-600">{t('forecastTitle')}</h2>
      <p className="text-base font-semibold" data-testid="forecast-total">
        {t('forecastWeighted', { amount: money(forecast.weighted) })}
      </p>
      {stages.length > 0 ? (
        <table className="w-full text-xs">
          <thead className="text-left text-gray-500">
            <tr>
              <th className="font-normal">{t('forecastStage')}</th>
              <th className="text-right font-normal">{t('forecastLeads')}</th>
              <th className="text-right font-normal">{t('forecastAmount')}</th>
              <th className="text-right font-normal">{t('forecastWeightedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage}>
                <td>{t(`stage_${stage}`)}</td>
                <td className="text-right">{forecast.byStage[stage]!.count.toLocaleString()}</td>
                <td className="text-right">{money(forecast.byStage[stage]!.amount)}</td>
                <td className="text-right">{money(forecast.byStage[stage]!.weighted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-gray-600">{t('forecastEmpty')}</p>
      )}
      <p className="text-xs text-gray-500">{t('forecastHelp')}</p>
      {forecast.notComparable > 0 ? <p className="text-xs text-gray-500">{t('forecastNotComparable', { count: forecast.notComparable })}</p> : null}
    </section>
  );
}
