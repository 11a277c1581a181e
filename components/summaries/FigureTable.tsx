/** One table of figures: a caption, a header row, and the first column as each row's heading. */
export function FigureTable({ caption, columns, rows, testId }: { caption: string; columns: string[]; rows: (string | number)[][]; testId?: string }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full border-collapse text-sm" data-testid={testId}>
        <caption className="mb-2 text-start text-base font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-2 py-1.5 font-semibold ${i === 0 ? "text-start" : "text-end"}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-200">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-1.5 text-start font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="px-2 py-1.5 text-end tabular-nums" dir="ltr">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
