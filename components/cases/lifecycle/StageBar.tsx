import { getFormatter, getTranslations } from "next-intl/server";
import { stages, type Stage } from "@/lib/cases/vocabulary";

type Props = {
  stage: Stage;
  enteredAt: Date;
  enteredBy: string;
  closingReason: string | null;
  now: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** submission → assessment → belligerent response → redress → closed: where the case is, since when, and who put it there. */
export async function StageBar({ stage, enteredAt, enteredBy, closingReason, now }: Props) {
  const t = await getTranslations();
  const format = await getFormatter();
  const current = stages.indexOf(stage);
  const days = Math.max(0, Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS));
  return (
    <div data-testid="stage-bar">
      <ol className="flex flex-wrap gap-1" aria-label={t("lifecycle.stageBar")}>
        {stages.map((s, i) => (
          <li
            key={s}
            aria-current={i === current ? "step" : undefined}
            className={`rounded px-3 py-1 text-sm ${
              i === current ? "bg-sky-800 font-semibold text-white" : i < current ? "bg-sky-100 text-sky-950" : "bg-slate-100 text-slate-700"
            }`}
          >
            <span className="sr-only">{i < current ? t("lifecycle.stagePassed") : i === current ? t("lifecycle.stageCurrent") : t("lifecycle.stageAhead")} </span>
            {t(`stages.${s}`)}
          </li>
        ))}
      </ol>
      <p className="mt-2 text-sm text-slate-700" data-testid="stage-since">
        {t("lifecycle.inStageSince", {
          stage: t(`stages.${stage}`),
          name: enteredBy,
          date: format.dateTime(enteredAt, { dateStyle: "medium", timeStyle: "short" }),
          days,
        })}
        {closingReason ? ` · ${t("lifecycle.closedAs", { reason: t(`closingReasons.${closingReason}`) })}` : null}
      </p>
    </div>
  );
}
