import type { Chart } from "@/lib/summaries/charts";

/** A chart drawn on the server (its SVG holds no script), and its numbers as a table for screen readers. */
export function ChartFigure({ chart, numbersLabel }: { chart: Chart; numbersLabel: string }) {
  const captionId = `chart-${chart.id}`;
  return (
    <figure aria-labelledby={captionId} className="flex flex-col gap-2" data-testid={`chart-${chart.id}`}>
      <figcaption id={captionId} className="font-semibold">
        {chart.title}
      </figcaption>
      <div className="max-w-full" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <table className="sr-only">
        <caption>{`${chart.title}: ${numbersLabel}`}</caption>
        <thead>
          <tr>
            {chart.table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
