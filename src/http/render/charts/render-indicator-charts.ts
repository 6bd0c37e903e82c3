import {
  type ChartableIndicator,
  type FigureKind,
  indicatorFigures,
} from "../../../web/charts/indicator-figures.ts";
import { formatStatistic, translateIndicator } from "../../../web/i18n/indicator-messages.ts";
import type { Language } from "../../../web/i18n/messages.ts";
import { createChartDocument } from "./chart-document.ts";
import { comparisonChartSvg, industryChartSvg, timeSeriesChartSvg } from "./indicator-charts.ts";

/**
 * An indicator's charts as SVG text in one language, for the indicator API's answer: the browser
 * shows them as they are (with their tables and summaries) and never loads Plot or d3.
 */
export function renderIndicatorCharts(
  indicator: ChartableIndicator,
  language: Language,
): Partial<Record<FigureKind, string>> {
  const m = (key: Parameters<typeof translateIndicator>[1], params?: Record<string, string | number>) =>
    translateIndicator(language, key, params);
  const num = (value: number, decimals: number) => formatStatistic(value, decimals, language);
  const format = (n: number) => num(n, indicator.decimals);
  const document = createChartDocument();
  const charts: Partial<Record<FigureKind, string>> = {};
  for (const figure of indicatorFigures(indicator, m, num)) {
    if (figure.kind === "industry")
      charts.industry = industryChartSvg(
        figure.rows,
        { summary: figure.summary, xLabel: m("chart.industryAxis"), formatNumber: (n) => num(n, 0) },
        document,
      );
    else if (figure.kind === "time")
      charts.time = timeSeriesChartSvg(
        figure.drawn,
        {
          targets: indicator.targets,
          summary: figure.summary,
          yLabel: indicator.unit,
          targetLabel: m("chart.target"),
          formatNumber: format,
        },
        document,
      );
    else
      charts.comparison = comparisonChartSvg(
        figure.bars,
        { summary: figure.summary, xLabel: indicator.unit, formatNumber: format },
        document,
      );
  }
  return charts;
}
