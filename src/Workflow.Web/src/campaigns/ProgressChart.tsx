import { useMemo } from 'react';
import { formatTime } from '../shared/format';
import type { Language, Translate } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import { progressSeries, scales, stepPath, type ChartGeometry } from './progressSeries';

const geometry: ChartGeometry = { width: 640, height: 236, padding: { left: 40, right: 16, top: 16, bottom: 54 } };

/** Tasks completed and open over time, from the ledger, with phase changes marked; the figures are also a table. */
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
  if (series.points.length === 0) return <p>{t('campaignPageChartEmpty')}</p>;
  const { x, y, maxY } = scales(series, geometry);
  const last = series.points[series.points.length - 1];
  const summary = t('campaignPageChartSummary', {
    completed: last.completed,
    open: last.open,
    time: formatTime(new Date(last.at).toISOString(), language),
  });
  const ticks = Array.from(new Set([0, Math.round(maxY / 2), maxY]));
  const bottom = geometry.height - geometry.padding.bottom;
  return (
    <figure className="campaign-chart">
      <svg
        role="img"
        aria-labelledby="campaign-chart-title campaign-chart-desc"
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        width="100%"
        style={{ maxWidth: geometry.width }}
      >
        <title id="campaign-chart-title">{t('campaignPageChartHeading')}</title>
        <desc id="campaign-chart-desc">{summary}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={geometry.padding.left} x2={geometry.width - geometry.padding.right} y1={y(v)} y2={y(v)} stroke="#e5e5e5" />
            <text x={geometry.padding.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11}>
              {v}
            </text>
          </g>
        ))}
        {series.phases.map((p, i) => (
          <g key={`${p.phase}-${p.at}`}>
            <line x1={x(p.at)} x2={x(p.at)} y1={geometry.padding.top} y2={bottom} stroke="#8c8c8c" strokeDasharray="3 3" />
            {/* Alternate rows, so that phases entered close together do not overprint. */}
            <text x={x(p.at) + 3} y={bottom + 14 + (i % 2) * 13} fontSize={11} fill="#555">
              {phaseNames[p.phase] ?? p.phase}
            </text>
          </g>
        ))}
        {/* The time axis: where the figures start and where they stand now. */}
        <text x={geometry.padding.left} y={geometry.height - 4} fontSize={11} fill="#555">
          {formatTime(new Date(series.points[0].at).toISOString(), language)}
        </text>
        <text x={geometry.width - geometry.padding.right} y={geometry.height - 4} fontSize={11} fill="#555" textAnchor="end">
          {formatTime(new Date(last.at).toISOString(), language)}
        </text>
        <path
          d={stepPath(
            series.points.map((p) => ({ at: p.at, value: p.open })),
            x,
            y,
          )}
          fill="none"
          stroke="#d48806"
          strokeWidth={2}
        />
        <path
          d={stepPath(
            series.points.map((p) => ({ at: p.at, value: p.completed })),
            x,
            y,
          )}
          fill="none"
          stroke="#389e0d"
          strokeWidth={2.5}
        />
      </svg>
      <figcaption>
        <span className="campaign-chart-key campaign-chart-key--completed">{t('campaignPageChartCompleted')}</span>{' '}
        <span className="campaign-chart-key campaign-chart-key--open">{t('campaignPageChartOpen')}</span>
        <span className="campaign-chart-summary">{summary}</span>
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
