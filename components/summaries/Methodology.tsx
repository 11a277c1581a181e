import { getTranslations } from "next-intl/server";
import { methodologyKeys } from "@/lib/summaries/wording";


/** How every figure is defined (docs/methodology.md says the same, at more length). */
export async function Methodology() {
  const t = await getTranslations("summaries.methodology");
  return (
    <section aria-labelledby="methodology" className="rounded-lg border border-slate-300 bg-white p-4" data-testid="methodology">
      <h2 id="methodology" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="flex list-disc flex-col gap-2 ps-5">
        {methodologyKeys.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </section>
  );
}
