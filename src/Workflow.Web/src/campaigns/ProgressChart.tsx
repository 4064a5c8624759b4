import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { chartLocale, echarts } from '../shared/charts';
import { formatTime } from '../shared/format';
import type { Language, Translate } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import { progressChartOption } from './progressChartOption';
import { progressSeries } from './progressSeries';

/**
 * Tasks completed and open over time, from the ledger, with phase changes marked (ECharts). What a
 * screen reader gets: the figure's name and the summary that describes it, and the figures as a table.
 */
export function ProgressChart({
  history,
  phaseNames,
  language,
  t,
}: {
  history: readonly LedgerEntry[];
  phaseNames: Record<string, string>;
  language: Language;
  t: Translate;
}) {
  // Recomputed only when the ledger held grows (mergeHistory keeps the same array otherwise).
  const series = useMemo(() => progressSeries(history), [history]);
  const option = useMemo(
    () => progressChartOption(series, phaseNames, { completed: t('campaignPageChartCompleted'), open: t('campaignPageChartOpen') }),
    [series, phaseNames, t],
  );
  if (series.points.length === 0) return <p>{t('campaignPageChartEmpty')}</p>;
  const last = series.points[series.points.length - 1];
  const summary = t('campaignPageChartSummary', {
    completed: last.completed,
    open: last.open,
    time: formatTime(new Date(last.at).toISOString(), language),
  });
  return (
    <figure className="campaign-chart" aria-labelledby="campaign-chart-title" aria-describedby="campaign-chart-desc">
      {/* The drawing is one image to assistive technology: its words are the title and the summary below. */}
      <div role="img" aria-labelledby="campaign-chart-title campaign-chart-desc" data-testid="campaign-chart">
        <ReactEChartsCore
          // A new locale needs a new chart instance (ECharts reads it at init).
          key={language}
          echarts={echarts}
          style={{ height: 260, maxWidth: 720 }}
          opts={{ renderer: 'svg', locale: chartLocale(language) }}
          option={option}
          notMerge
        />
      </div>
      <figcaption>
        <span id="campaign-chart-title" className="visually-hidden">
          {t('campaignPageChartHeading')}
        </span>
        <span id="campaign-chart-desc" className="campaign-chart-summary">
          {summary}
        </span>
      </figcaption>
      <details>
        <summary>{t('campaignPageChartTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('campaignPageChartTime')}</th>
              <th scope="col">{t('campaignPageChartCompleted')}</th>
              <th scope="col">{t('campaignPageChartOpen')}</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((p, i) => (
              <tr key={i}>
                <td>{formatTime(new Date(p.at).toISOString(), language)}</td>
                <td>{p.completed}</td>
                <td>{p.open}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
