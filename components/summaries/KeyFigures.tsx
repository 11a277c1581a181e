import { getTranslations } from "next-intl/server";
import { formatRange } from "@/components/cases/format";
import type { Summary } from "@/lib/summaries/figures";

/** The headline numbers: what was documented, what was sent, what was conceded, and the gap. */
export async function KeyFigures({ total }: { total: Summary["total"] }) {
  const t = await getTranslations();
  const range = (min: number, max: number) => formatRange(min, max, "0");
  const percent = (min: number | null, max: number | null) =>
    min === null || max === null ? t("summaries.notApplicable") : min === max ? `${min}%` : `${min}%–${max}%`;
  const figures: { id: string; label: string; value: string; detail?: string }[] = [
    { id: "cases", label: t("summaries.allegations"), value: String(total.cases) },
    {
      id: "killed",
      label: t("summaries.killed"),
      value: range(total.killedMin, total.killedMax),
      detail: `${t("harm.killedChildren")}: ${range(total.killedChildrenMin, total.killedChildrenMax)} · ${t("harm.killedWomen")}: ${range(total.killedWomenMin, total.killedWomenMax)}`,
    },
    {
      id: "injured",
      label: t("summaries.injured"),
      value: range(total.injuredMin, total.injuredMax),
      detail: `${t("harm.injuredChildren")}: ${range(total.injuredChildrenMin, total.injuredChildrenMax)} · ${t("harm.injuredWomen")}: ${range(total.injuredWomenMin, total.injuredWomenMax)}`,
    },
    { id: "sent", label: t("summaries.sent"), value: String(total.sent), detail: `${t("summaries.documentedInSent")}: ${range(total.documentedMin, total.documentedMax)}` },
    { id: "conceded", label: t("summaries.conceded"), value: range(total.concededMin, total.concededMax) },
    {
      id: "gap",
      label: t("summaries.gap"),
      value: range(total.gap.min, total.gap.max),
      detail: t("summaries.gapValue", { range: range(total.gap.min, total.gap.max), percent: percent(total.gap.minPercent, total.gap.maxPercent) }),
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="key-figures">
      {figures.map((f) => (
        <div key={f.id} className="rounded-lg border border-slate-300 bg-white p-4" data-testid={`figure-${f.id}`}>
          <dt className="text-sm text-slate-700">{f.label}</dt>
          <dd className="text-3xl font-bold tabular-nums" dir="ltr">
            {f.value}
          </dd>
          {f.detail ? <dd className="mt-1 text-sm text-slate-700">{f.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
