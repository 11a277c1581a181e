import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Summary } from "./figures";

/**
 * The summary's charts, drawn by Observable Plot on the server into SVG: the page shows the same
 * SVG the PDF report embeds, and works without JavaScript. Every chart comes with its numbers as
 * a table (for screen readers, and for anyone who would rather read). Right-to-left readers get
 * mirrored axes: time and bars run from the right.
 */

export type ChartTable = { columns: string[]; rows: (string | number)[][] };
export type Chart = { id: "perYear" | "funnel" | "gapPerBelligerent"; title: string; svg: string; table: ChartTable };

export type ChartText = {
  rtl: boolean;
  titles: Record<Chart["id"], string>;
  year: string;
  documented: string;
  conceded: string;
  deaths: string;
  stage: string;
  cases: string;
  belligerent: string;
  gap: string;
  stageName: (key: string) => string;
  belligerentName: (key: string) => string;
};

const WIDTH = 720;
const colours = { documented: "#0c4a6e", conceded: "#d97706", bars: "#0c4a6e" };
const fontFamily = "system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif";

function draw(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  // linkedom's document stands in for the browser's: Plot only creates and sets elements on it.
  const svg = Plot.plot({ width: WIDTH, style: { fontFamily, fontSize: "12px" }, ...options, document } as Plot.PlotOptions);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  return svg.outerHTML;
}

/** Horizontal bars, one per label, in the order given; in right-to-left they grow from the right. */
function bars(rows: { label: string; value: number; note?: string }[], text: ChartText, valueLabel: string): string {
  const labelMargin = 210;
  return draw({
    height: 40 + rows.length * 30,
    marginLeft: text.rtl ? 40 : labelMargin,
    marginRight: text.rtl ? labelMargin : 60,
    x: { label: valueLabel, reverse: text.rtl, grid: true, nice: true },
    y: { label: null, domain: rows.map((r) => r.label), axis: text.rtl ? "right" : "left", tickSize: 0 },
    marks: [
      Plot.barX(rows, { y: "label", x: "value", fill: colours.bars }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        y: "label",
        x: "value",
        text: (r: { value: number; note?: string }) => (r.note ? `${r.value} (${r.note})` : String(r.value)),
        textAnchor: text.rtl ? "end" : "start",
        dx: text.rtl ? -4 : 4,
      }),
    ],
  });
}

function perYear(summary: Summary, text: ChartText): Chart {
  const data = summary.byYear.flatMap((y) => [
    { year: y.key, series: text.documented, deaths: y.documentedMin },
    { year: y.key, series: text.conceded, deaths: y.concededMin },
  ]);
  const svg = draw({
    height: 320,
    marginBottom: 50,
    // Room for tick labels of six digits on the side the axis is on.
    marginLeft: text.rtl ? 20 : 64,
    marginRight: text.rtl ? 64 : 20,
    fx: { label: text.year, reverse: text.rtl, axis: "bottom" },
    x: { label: null, domain: [text.documented, text.conceded], reverse: text.rtl, axis: "top", tickSize: 0 },
    y: { label: text.deaths, grid: true, nice: true, axis: text.rtl ? "right" : "left" },
    color: { domain: [text.documented, text.conceded], range: [colours.documented, colours.conceded] },
    marks: [
      Plot.barY(data, { fx: "year", x: "series", y: "deaths", fill: "series" }),
      Plot.ruleY([0]),
      Plot.text(data, { fx: "year", x: "series", y: "deaths", text: (d: { deaths: number }) => String(d.deaths), dy: -7 }),
    ],
  });
  return {
    id: "perYear",
    title: text.titles.perYear,
    svg,
    table: { columns: [text.year, text.documented, text.conceded], rows: summary.byYear.map((y) => [y.key, y.documentedMin, y.concededMin]) },
  };
}

function funnel(summary: Summary, text: ChartText): Chart {
  const rows = summary.byStage.map((s) => ({ label: text.stageName(s.key), value: s.cases }));
  return {
    id: "funnel",
    title: text.titles.funnel,
    svg: bars(rows, text, text.cases),
    table: { columns: [text.stage, text.cases], rows: rows.map((r) => [r.label, r.value]) },
  };
}

function gapPerBelligerent(summary: Summary, text: ChartText): Chart {
  const sent = summary.byBelligerent.filter((b) => b.sent > 0);
  const rows = sent.map((b) => ({
    label: text.belligerentName(b.key),
    value: b.gap.min,
    note: b.gap.minPercent === null ? undefined : `${b.gap.minPercent}%`,
  }));
  return {
    id: "gapPerBelligerent",
    title: text.titles.gapPerBelligerent,
    svg: bars(rows, text, text.deaths),
    table: {
      columns: [text.belligerent, text.documented, text.conceded, text.gap],
      rows: sent.map((b) => [text.belligerentName(b.key), b.documentedMin, b.concededMin, b.gap.minPercent === null ? b.gap.min : `${b.gap.min} (${b.gap.minPercent}%)`]),
    },
  };
}

export function summaryCharts(summary: Summary, text: ChartText): Chart[] {
  return [perYear(summary, text), funnel(summary, text), gapPerBelligerent(summary, text)];
}
