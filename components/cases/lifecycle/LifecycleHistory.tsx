import { getFormatter, getTranslations } from "next-intl/server";
import type { CaseDetail } from "@/lib/cases/queries";
import { lifecycleAction } from "@/app/(app)/cases/lifecycle-actions";
import { RedressStatusForm } from "./ReviewForms";

const range = (min: number | null, max: number | null) => (min === null && max === null ? null : min === max ? String(min) : `${min ?? "?"}–${max ?? "?"}`);

/** What the lifecycle recorded: assessments (latest counts), sendings and answers, redress items, reopenings. */
export async function LifecycleHistory({ c, mayRecordRedress }: { c: CaseDetail; mayRecordRedress: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const lc = c.lifecycle;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: string | null) => (d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : null);
  const evidenceName = (id: string) => c.evidence.find((e) => e.id === id)?.fileName ?? t("lifecycle.evidenceRemoved");
  const victimName = (id: string) => {
    const v = c.victims.find((x) => x.id === id);
    return v ? [v.nameLatin, v.nameAr].filter(Boolean).join(" · ") : t("lifecycle.victimRemoved");
  };
  const reopenings = lc.moves.filter((m) => m.move === "reopen");
  const heading = (text: string) => <h3 className="mb-2 font-semibold">{text}</h3>;
  return (
    <div className="flex flex-col gap-4">
      {lc.assessments.length ? (
        <div>
          {heading(t("lifecycle.assessments"))}
          <ol className="flex flex-col gap-2" data-testid="assessments">
            {lc.assessments.map((a, i) => (
              <li key={a.id} className="rounded border border-slate-200 p-3" data-testid="assessment">
                <p>
                  <span className="font-medium">{t(`gradings.${a.grading}`)}</span>
                  {i === 0 ? <span className="ms-2 rounded bg-emerald-100 px-2 text-sm text-emerald-900">{t("lifecycle.latest")}</span> : null} ·{" "}
                  {t(`assessmentMethods.${a.method}`)}
                  {a.method === "field_investigation"
                    ? ` (${a.siteVisit ? t("lifecycle.siteVisited") : t("lifecycle.noSiteVisit")}, ${t("lifecycle.witnesses", { count: a.witnessesInterviewed ?? 0 })})`
                    : ""}
                  {range(a.deathsMin, a.deathsMax) ? ` · ${t("lifecycle.deathsAssessed", { range: range(a.deathsMin, a.deathsMax)! })}` : ""}
                </p>
                <p className="text-sm text-slate-600">{t("lifecycle.by", { name: a.assessorName, date: when(a.assessedAt) })}</p>
                {a.ihlConcerns ? <p className="whitespace-pre-line">{t("lifecycle.ihlConcerns")}: {a.ihlConcerns}</p> : null}
                <p className="whitespace-pre-line">{a.reasoning}</p>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {lc.responses.length ? (
        <div>
          {heading(t("lifecycle.responses"))}
          <ol className="flex flex-col gap-2" data-testid="responses">
            {lc.responses.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 p-3" data-testid="response">
                <p>
                  <span className="font-medium">{t(`sendingKinds.${r.kind}`)}</span> · {day(r.sentOn)} · {t(`channels.${r.channel}`)}
                  {r.sentReference ? <span dir="auto"> · {r.sentReference}</span> : null}
                </p>
                <p className="text-sm text-slate-600">{t("lifecycle.by", { name: r.senderName, date: when(r.sentAt) })}</p>
                {r.evidenceIds.length ? <p className="text-sm">{t("lifecycle.withEvidence", { files: r.evidenceIds.map(evidenceName).join(", ") })}</p> : null}
                {r.answer ? (
                  <p className="mt-1" data-testid="answer">
                    <span className="font-medium">{t(`answers.${r.answer}`)}</span>
                    {r.nonCredibleReason ? `: ${t(`nonCredibleReasons.${r.nonCredibleReason}`)}` : ""} · {day(r.answeredOn)}
                    {range(r.deathsConcededMin, r.deathsConcededMax) ? ` · ${t("lifecycle.deathsConceded", { range: range(r.deathsConcededMin, r.deathsConcededMax)! })}` : ""}
                    {range(r.injuriesConcededMin, r.injuriesConcededMax)
                      ? ` · ${t("lifecycle.injuriesConceded", { range: range(r.injuriesConcededMin, r.injuriesConcededMax)! })}`
                      : ""}
                    {r.answerReference ? <span dir="auto"> · {r.answerReference}</span> : null}
                  </p>
                ) : (
                  <p className="mt-1 italic">{t("lifecycle.noAnswerYet")}</p>
                )}
                {r.answerNote ? <p className="whitespace-pre-line text-sm">{r.answerNote}</p> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {lc.redress.length ? (
        <div>
          {heading(t("lifecycle.redress"))}
          <ul className="flex flex-col gap-2" data-testid="redress-items">
            {lc.redress.map((r) => {
              const name = t(`redressTypes.${r.type}`);
              return (
                <li key={r.id} className="rounded border border-slate-200 p-3" data-testid="redress-item">
                  <p>
                    <span className="font-medium">{name}</span>
                    {r.amount ? (
                      <>
                        {" · "}
                        <span dir="ltr">{format.number(Number(r.amount), { style: "currency", currency: r.currency ?? "USD", currencyDisplay: "code" })}</span>
                      </>
                    ) : null}{" "}
                    · <span data-testid="redress-status">{t(`redressStatuses.${r.status}`)}</span>
                  </p>
                  <p className="text-sm text-slate-600">
                    {[
                      ["requested", r.requestedOn],
                      ["offered", r.offeredOn],
                      ["accepted", r.acceptedOn],
                      [r.status, r.settledOn],
                    ]
                      .filter(([, d]) => d)
                      .map(([s, d]) => `${t(`redressStatuses.${s}`)} ${day(d)}`)
                      .join(" · ")}
                  </p>
                  {r.description ? <p className="whitespace-pre-line">{r.description}</p> : null}
                  {r.beneficiaryIds.length ? <p className="text-sm">{t("lifecycle.beneficiaries", { names: r.beneficiaryIds.map(victimName).join(", ") })}</p> : null}
                  {mayRecordRedress ? (
                    <div className="mt-2">
                      <RedressStatusForm run={lifecycleAction} caseId={c.id} itemId={r.id} status={r.status} version={r.version} name={name} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {reopenings.length ? (
        <div>
          {heading(t("lifecycle.reopenings"))}
          <ul className="flex flex-col gap-2" data-testid="reopenings">
            {reopenings.map((m) => (
              <li key={m.id} className="rounded border border-slate-200 p-3">
                <p className="text-sm text-slate-600">{t("lifecycle.by", { name: m.moverName, date: when(m.movedAt) })}</p>
                <p className="whitespace-pre-line">{m.reason}</p>
                {m.evidenceIds.length ? <p className="text-sm">{t("lifecycle.withEvidence", { files: m.evidenceIds.map(evidenceName).join(", ") })}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
