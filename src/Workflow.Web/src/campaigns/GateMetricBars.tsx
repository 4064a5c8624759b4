import { Progress } from 'antd';
import type { Language, Translate } from '../shared/i18n';
import { gateMetrics, type CountsOf, type GateLike, type GateMetric } from './gateMetrics';
import { describeObserved, formatValue, type Names } from './whyNotYet';

const signs: Record<GateMetric['comparison'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '===': '=' };

/** The metric's words: "66.7% (30 of 45) against ≥ 80%", the same text the bar draws. */
export function metricText(metric: GateMetric, language: Language, t: Translate): string {
  const unit = metric.ratio ? 'ratio' : undefined;
  const value = formatValue(metric.value, unit, language, t);
  return t('gateMetricAgainst', {
    value: metric.counts ? t('gateMetricCounts', { value, part: metric.counts.part, whole: metric.counts.whole }) : value,
    comparison: signs[metric.comparison],
    threshold: formatValue(metric.threshold, unit, language, t),
  });
}

/**
 * A gate's figures drawn against their thresholds: a bar for the value seen, a mark where the
 * threshold lies, and the same in words beside it (the bar itself is hidden from screen readers).
 */
export function GateMetricBars({
  gate,
  names,
  t,
  countsOf,
  showNames = true,
}: {
  gate: GateLike & { id: string };
  names: Names;
  t: Translate;
  countsOf?: CountsOf;
  showNames?: boolean;
}) {
  const metrics = gateMetrics(gate, countsOf);
  if (metrics.length === 0) return null;
  return (
    <ul className="gate-metrics" data-testid={`gate-metric-${gate.id}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {metrics.map((m) => {
        // Ratios on 0..100 %; counts on a scale a quarter beyond the larger of value and threshold.
        const scale = m.ratio ? 1 : Math.max(m.value, m.threshold, 1) * 1.25;
        const at = (x: number) => Math.min(100, Math.max(0, (x / scale) * 100));
        const status = m.met ? t('gateMetricMet') : t('gateMetricUnmet');
        return (
          <li key={m.valuePath + m.comparison + (m.thresholdPath ?? m.threshold)} style={{ minWidth: 160 }}>
            {showNames && <div>{describeObserved(m.valuePath, m.value, names, t).name}</div>}
            <div aria-hidden="true" style={{ position: 'relative' }}>
              <Progress percent={at(m.value)} showInfo={false} size="small" status={m.met ? 'success' : 'exception'} />
              <span
                className="gate-metric-threshold"
                style={{
                  position: 'absolute',
                  left: `${at(m.threshold)}%`,
                  top: 0,
                  bottom: 0,
                  width: 2,
                  background: '#262626',
                  transform: 'translateX(-1px)',
                }}
              />
            </div>
            <div className="gate-metric-text">
              {metricText(m, names.language, t)} · {status}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
