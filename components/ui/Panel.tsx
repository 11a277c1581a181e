import type { ReactNode } from "react";

/** A titled box of a page: a region named by its heading, so it can be found by that name. */
export function Panel({ title, id, className = "", children }: { title: string; id: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-300 bg-white p-4 ${className}`.trim()}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
