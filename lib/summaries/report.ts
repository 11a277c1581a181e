import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import type { Readable } from "node:stream";
import type { Chart } from "./charts";
import type { FigureTableData } from "./tables";

export type ReportContent = {
  title: string;
  subtitle: string;
  /** Lines under the title: filters, date, audience. */
  lines: string[];
  keyFigures: { label: string; value: string }[];
  charts: Chart[];
  tables: FigureTableData[];
  methodologyTitle: string;
  methodology: string[];
  empty: string;
};

const MARGIN = 40;
const INK = "#0f172a";
const MUTED = "#334155";

/**
 * The printable report, laid out by PDFKit (landscape A4, so the breakdowns fit): title, filters
 * and date, the key figures, the charts (the page's SVG), every figure table and the methodology.
 * The text is real text, so a reader can search and copy it.
 */
export function reportStream(content: ReportContent): Readable {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, info: { Title: content.title, Subject: content.subtitle }, bufferPages: false });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string, size = 14) => {
    doc.font("Helvetica-Bold").fontSize(size).fillColor(INK).text(text, { width });
    doc.moveDown(0.4);
  };
  const ensureSpace = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };

  heading(content.title, 22);
  doc.font("Helvetica").fontSize(12).fillColor(MUTED).text(content.subtitle, { width });
  doc.moveDown(0.5);
  for (const line of content.lines) doc.fontSize(10).text(line, { width });
  doc.moveDown();

  for (const f of content.keyFigures) {
    doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(`${f.label}: `, { continued: true }).font("Helvetica").text(f.value);
  }

  for (const chart of content.charts) {
    doc.addPage();
    heading(chart.title, 13);
    const [w, h] = (chart.svg.match(/viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/)?.slice(1) ?? ["720", "320"]).map(Number);
    const scale = Math.min(1, width / w, (doc.page.height - doc.y - MARGIN) / h);
    SVGtoPDF(doc, chart.svg, MARGIN, doc.y, { width: w * scale, height: h * scale, assumePt: true, fontCallback: () => "Helvetica" });
    // Drawing an SVG does not move the text cursor: what follows goes below the chart.
    doc.y += h * scale;
  }
  doc.addPage();

  for (const [i, table] of content.tables.entries()) {
    ensureSpace(80);
    if (i > 0) doc.moveDown();
    heading(table.title, 12);
    doc.font("Helvetica").fontSize(table.columns.length > 6 ? 7 : 9).fillColor(INK);
    const text = (cell: string | number | null) => (cell === null ? content.empty : String(cell));
    doc.table({
      maxWidth: table.columns.length > 6 ? width : Math.min(width, 520),
      columnStyles: (i: number) => ({ align: { x: i === 0 ? "left" : "right", y: "top" } }),
      rowStyles: (i: number) => (i === 0 ? { backgroundColor: "#e2e8f0" } : undefined),
      data: [table.columns.map((c) => ({ text: c, type: "TH" as const, font: { src: "Helvetica-Bold" } })), ...table.rows.map((r) => r.map(text))],
    });
    doc.x = MARGIN;
  }

  doc.addPage();
  heading(content.methodologyTitle, 14);
  doc.font("Helvetica").fontSize(10).fillColor(INK);
  for (const paragraph of content.methodology) {
    doc.text(paragraph, { width, align: "left" });
    doc.moveDown(0.5);
  }
  doc.end();
  return doc;
}
