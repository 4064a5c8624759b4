import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Language } from './i18n';

// The app's ECharts: only the parts its charts draw (the dashboard's bars, a campaign's progress
// lines with phase marks), tree-shaken from echarts/core, drawn as SVG so text stays text.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };

/** ECharts' own words (dates on a time axis, the aria description) in the page's language: both are built in. */
export function chartLocale(language: Language): 'ZH' | 'EN' {
  return language === 'zh-CN' ? 'ZH' : 'EN';
}
