import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { availableMoves, closingReasonsAt } from "@/lib/cases/lifecycle";
import { caseFactsOf } from "@/lib/cases/lifecycle-facts";
import type { CaseDetail } from "@/lib/cases/queries";
import type { FormValues } from "@/lib/form-state";
import { lifecycleAction } from "@/app/(app)/cases/lifecycle-actions";
import { AnswerForm, AssessmentForm, RedressItemForm } from "./ReviewForms";
import { AssignForm, CloseForm, DuplicateForm, PursueRedressForm, ReopenForm, SendForm, SubmitForm } from "./StageForms";
import { StageBar } from "./StageBar";
import { LifecycleHistory } from "./LifecycleHistory";

/** The recorded answer as the answer form's values, to correct it. */
function answerValues(r: CaseDetail["lifecycle"]["responses"][number]): FormValues {
  const fields = ["answer", "nonCredibleReason", "deathsConcededMin", "deathsConcededMax", "injuriesConcededMin", "injuriesConcededMax", "answeredOn", "answerReference", "answerNote"] as const;
  return Object.fromEntries(fields.map((f) => [f, r[f] === null ? "" : String(r[f])]));
}

function Panel({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <details className="rounded border border-slate-300 p-3" data-testid={testId}>
      <summary className="cursor-pointer font-medium text-sky-900">{title}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

/** The case's stage, what it took to get there, and the moves the viewer may make now. */
export async function LifecycleSection({ c, actor, reviewers, now }: { c: CaseDetail; actor: Actor; reviewers: { id: string; name: string }[]; now: Date }) {
  const t = await getTranslations();
  const lc = c.lifecycle;
  const lastMove = lc.moves.at(-1);
  const moves = availableMoves(
    caseFactsOf(c, lc.responses[0]?.answer ?? null, lc.redress.map((r) => r.status)),
    actor,
  );
  const reviews = can(actor, "case:move-stage");
  const evidence = c.evidence.map((e) => ({ id: e.id, fileName: e.fileName }));
  const latest = lc.responses[0];
  const run = lifecycleAction;
  return (
    <div className="flex flex-col gap-4">
      <StageBar
        stage={c.stage}
        enteredAt={c.stageEnteredAt}
        enteredBy={lastMove?.moverName ?? c.creatorName}
        closingReason={c.closingReason}
        now={now}
      />
      <p className="text-sm" data-testid="assignee">
        {t("lifecycle.assignedTo", { name: lc.assignee?.name ?? t("lifecycle.unassigned") })}
      </p>
      {lc.duplicateOfCase ? (
        <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2" data-testid="duplicate-of">
          {t("lifecycle.duplicateOf")}{" "}
          <Link href={`/cases/${lc.duplicateOfCase.id}`} className="text-sky-800 underline">
            <span dir="ltr">{lc.duplicateOfCase.reference}</span>
          </Link>{" "}
          {lc.duplicateOfCase.title}
        </p>
      ) : null}
      {lc.duplicates.length ? (
        <div data-testid="duplicates-of-this">
          <p>{t("lifecycle.duplicatesOfThis")}</p>
          <ul className="list-disc ps-6">
            {lc.duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/cases/${d.id}`} className="text-sky-800 underline">
                  <span dir="ltr">{d.reference}</span>
                </Link>{" "}
                {d.title}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-col gap-2" data-testid="lifecycle-actions">
        {moves.includes("submit") ? <SubmitForm run={run} caseId={c.id} /> : null}
        {reviews && c.stage === "assessment" ? (
          <Panel title={t("lifecycle.assess")} testId="panel-assess">
            <AssessmentForm run={run} caseId={c.id} />
          </Panel>
        ) : null}
        {moves.includes("send_to_belligerent") ? (
          <Panel title={lc.responses.length ? t("lifecycle.requestReEvaluation") : t("moves.send_to_belligerent")} testId="panel-send">
            <SendForm run={run} caseId={c.id} evidence={evidence} reEvaluation={lc.responses.length > 0} />
          </Panel>
        ) : null}
        {reviews && latest && (c.stage === "belligerent_response" || c.stage === "redress") ? (
          <Panel title={latest.answer ? t("lifecycle.correctAnswer") : t("lifecycle.recordAnswer")} testId="panel-answer">
            <AnswerForm run={run} caseId={c.id} responseId={latest.id} current={latest.answer ? answerValues(latest) : undefined} />
          </Panel>
        ) : null}
        {reviews && latest?.answer && (c.stage === "belligerent_response" || c.stage === "redress") ? (
          <Panel title={t("lifecycle.requestReEvaluation")} testId="panel-re-evaluation">
            <SendForm run={run} caseId={c.id} evidence={evidence} reEvaluation />
          </Panel>
        ) : null}
        {moves.includes("pursue_redress") ? (
          <Panel title={t("moves.pursue_redress")} testId="panel-pursue">
            <PursueRedressForm run={run} caseId={c.id} />
          </Panel>
        ) : null}
        {reviews && c.stage === "redress" ? (
          <Panel title={t("lifecycle.addRedress")} testId="panel-redress">
            <RedressItemForm
              run={run}
              caseId={c.id}
              victims={c.victims.map((v) => ({ id: v.id, name: [v.nameLatin, v.nameAr].filter(Boolean).join(" · ") }))}
            />
          </Panel>
        ) : null}
        {moves.includes("close") && reviews ? (
          <Panel title={t("lifecycle.markDuplicate")} testId="panel-duplicate">
            <DuplicateForm run={run} caseId={c.id} />
          </Panel>
        ) : null}
        {moves.includes("close") ? (
          <Panel title={t("moves.close")} testId="panel-close">
            <CloseForm run={run} caseId={c.id} reasons={closingReasonsAt(c.stage)} />
          </Panel>
        ) : null}
        {moves.includes("reopen") ? (
          <Panel title={t("moves.reopen")} testId="panel-reopen">
            <ReopenForm run={run} caseId={c.id} evidence={evidence} />
          </Panel>
        ) : null}
        {can(actor, "case:assign") ? (
          <Panel title={t("lifecycle.assign")} testId="panel-assign">
            <AssignForm run={run} caseId={c.id} reviewers={reviewers} current={c.assigneeId} />
          </Panel>
        ) : null}
      </div>
      <LifecycleHistory c={c} mayRecordRedress={reviews && c.stage === "redress"} />
    </div>
  );
}
