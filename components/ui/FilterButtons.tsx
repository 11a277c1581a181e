import Link from "next/link";

/** The buttons under a GET filter form: apply, and clear (back to the unfiltered page). */
export function FilterButtons({ applyLabel, clearLabel, clearHref }: { applyLabel: string; clearLabel: string; clearHref: string }) {
  return (
    <div className="flex gap-3">
      <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus:outline-2 focus:outline-offset-2 focus:outline-sky-700">
        {applyLabel}
      </button>
      <Link href={clearHref} className="rounded border border-slate-500 px-4 py-2 hover:bg-slate-100">
        {clearLabel}
      </Link>
    </div>
  );
}
