// ECharts with only the parts the dashboard draws (keeps the bundle small).
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent,
  TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, GraphChart, LineChart, DataZoomComponent, GridComponent, LegendComponent,
  MarkLineComponent, MarkPointComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

export { echarts };

/** Creates a chart that follows its container's size; dispose() releases both. */
export function chart(el: HTMLElement): { chart: echarts.ECharts; dispose: () => void } {
  const c = echarts.init(el, undefined, { renderer: 'canvas' });
  const ro = new ResizeObserver(() => c.resize());
  ro.observe(el);
  return { chart: c, dispose: () => { ro.disconnect(); c.dispose(); } };
}
