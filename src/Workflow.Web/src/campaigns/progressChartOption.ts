import type { ProgressSeries } from './progressSeries';

// The ECharts option of a campaign's progress: tasks completed and open as step lines over time
// (a count holds until the next task entry changes it), each phase entered a dashed mark on the time axis.

interface StepSeries {
  type: 'line';
  name: string;
  step: 'end';
  showSymbol: false;
  color: string;
  lineStyle: { width: number };
  data: [number, number][];
  markLine?: {
    symbol: 'none';
    silent: true;
    lineStyle: { type: 'dashed'; color: string };
    label: { position: 'end'; color: string };
    data: { xAxis: number; label: { formatter: string; distance: number } }[];
  };
}

export function progressChartOption(
  series: ProgressSeries,
  phaseNames: Record<string, string>,
  names: { completed: string; open: string },
) {
  const line = (name: string, color: string, width: number, pick: (p: ProgressSeries['points'][number]) => number): StepSeries => ({
    type: 'line',
    name,
    step: 'end',
    showSymbol: false,
    color,
    lineStyle: { width },
    data: series.points.map((p) => [p.at, pick(p)]),
  });
  const completed: StepSeries = {
    ...line(names.completed, '#389e0d', 2.5, (p) => p.completed),
    markLine: {
      symbol: 'none',
      silent: true,
      lineStyle: { type: 'dashed', color: '#8c8c8c' },
      label: { position: 'end', color: '#555' },
      // Above the plot, in alternate rows, so that phases entered close together do not overprint.
      data: series.phases.map((p, i) => ({
        xAxis: p.at,
        label: { formatter: phaseNames[p.phase] ?? p.phase, distance: 4 + (i % 2) * 14 },
      })),
    },
  };
  return {
    animation: false,
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0 },
    grid: { left: 8, right: 48, top: 48, bottom: 32, containLabel: true },
    xAxis: { type: 'time' as const },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [completed, line(names.open, '#d48806', 2, (p) => p.open)],
  };
}
