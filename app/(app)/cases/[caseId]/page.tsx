import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { CaseSummary } from "@/components/cases/CaseSummary";
import { CaseTrail } from "@/components/cases/CaseTrail";
import { EvidenceList } from "@/components/cases/EvidenceList";
import { ItemList, type ItemActions } from "@/components/cases/ItemLists";
import { can, type Actor } from "@/lib/auth/actor";
import { getActor, requirePermission } from "@/lib/auth/current-actor";
import { LifecycleSection } from "@/components/cases/lifecycle/LifecycleSection";
import { mayEditCase } from "@/lib/cases/access";
import { assignableReviewers } from "@/lib/cases/assignment";
import { mayChangeItem } from "@/lib/cases/item-access";
import { caseTrail, getCase, possibleDuplicates, type CaseDetail } from "@/lib/cases/queries";
import { getConfig } from "@/lib/config";
import { acceptAttribute } from "@/lib/evidence/media";
import type { FormValues } from "@/lib/form-state";
import { removeEvidenceAction } from "../evidence-actions";
import { addItemAction, changeItemAction, removeItemAction } from "../item-actions";

type Params = Promise<{ caseId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await getActor();
  const c = actor ? await getCase(db(), actor, (await params).caseId) : null;
  return { title: c ? `${c.reference} · ${c.title}` : (await getTranslations("cases"))("title") };
}

const actions: ItemActions = { add: addItemAction, change: changeItemAction, remove: removeItemAction };

function asValues(row: Record<string, unknown>): FormValues {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
}

export default async function CasePage({ params }: { params: Params }) {
  const actor = await requirePermission("case:read");
  const c = await getCase(db(), actor, (await params).caseId);
  if (!c) notFound();
  const [trail, duplicates, reviewers] = await Promise.all([
    caseTrail(db(), actor, c.id),
    possibleDuplicates(db(), actor, { ...c, excludeId: c.id }),
    can(actor, "case:assign") ? assignableReviewers(db(), actor) : Promise.resolve([]),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const namedKilled = c.victims.filter((v) => v.outcome === "killed").length;
  const mayAdd = can(actor, "case:contribute");
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {body}
    </section>
  );
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-700">
            <span dir="ltr" className="font-mono" data-testid="case-reference">
              {c.reference}
            </span>{" "}
            · <span className="rounded bg-sky-100 px-2 py-0.5 text-sky-900">{t(`stages.${c.stage}`)}</span>
          </p>
          <h1 className="text-2xl font-bold">{c.title}</h1>
          <p className="text-sm text-slate-600">
            {t("caseDetail.filedBy", { name: c.creatorName, date: format.dateTime(c.createdAt, { dateStyle: "medium" }) })} ·{" "}
            {t("caseDetail.updatedBy", { name: c.editorName, date: format.dateTime(c.updatedAt, { dateStyle: "medium", timeStyle: "short" }), version: c.version })}
          </p>
        </div>
        {mayEditCase(actor, c) ? (
          <Link href={`/cases/${c.id}/edit`} className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
            {t("caseDetail.edit")}
          </Link>
        ) : null}
      </div>
      {c.killedMax !== null && namedKilled > c.killedMax ? (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950" data-testid="victims-warning">
          {t("caseDetail.victimsWarning", { named: namedKilled, max: c.killedMax })}
        </p>
      ) : null}
      {section("lifecycle", t("lifecycle.section"), <LifecycleSection c={c} actor={actor} reviewers={reviewers} now={new Date()} />)}
      {section("summary", t("caseDetail.summary"), <CaseSummary c={c} />)}
      {section("narrative", t("caseDetail.narrative"), <p className="whitespace-pre-line">{c.narrative || "—"}</p>)}
      {section("victims", t("caseDetail.victims"), <ItemList kind="victim" caseId={c.id} mayAdd={mayAdd} actions={actions} rows={victimRows(c, actor, t)} />)}
      {section("sources", t("caseDetail.sources"), <ItemList kind="source" caseId={c.id} mayAdd={mayAdd} actions={actions} rows={sourceRows(c, actor, t)} />)}
      {section(
        "evidence",
        t("evidence.title"),
        <>
          <p className="mb-2 text-sm text-slate-600">{t("evidence.intro")}</p>
          <EvidenceList
            caseId={c.id}
            files={c.evidence.map((e) => ({ ...e, mayRemove: mayChangeItem(actor, e.addedBy) }))}
            mayAdd={mayAdd}
            maxBytes={getConfig().evidence.maxBytes}
            accept={acceptAttribute}
            removeAction={removeEvidenceAction}
          />
        </>,
      )}
      {section(
        "comments",
        t("caseDetail.comments"),
        <>
          <p className="mb-2 text-sm text-slate-600">{t("comment.internal")}</p>
          <ItemList kind="comment" caseId={c.id} mayAdd={mayAdd} actions={actions} rows={commentRows(c, actor, format)} />
        </>,
      )}
      {section(
        "duplicates",
        t("caseDetail.duplicates"),
        duplicates.length ? (
          <ul className="list-disc ps-6">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/cases/${d.id}`} className="text-sky-800 underline">
                  <span dir="ltr">{d.reference}</span>
                </Link>{" "}
                {d.title} ({d.incidentDateFrom})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("caseForm.noDuplicates")}</p>
        ),
      )}
      {section(
        "trail",
        t("caseDetail.trail"),
        <>
          <p className="mb-2 text-sm text-slate-600">{t("caseDetail.trailHelp")}</p>
          {trail.length ? <CaseTrail events={trail} /> : <p>{t("caseDetail.noTrail")}</p>}
        </>,
      )}
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

function victimRows(c: CaseDetail, actor: Actor, t: T) {
  return c.victims.map((v) => {
    const name = [v.nameLatin, v.nameAr].filter(Boolean).join(" · ");
    return {
      id: v.id,
      name,
      values: asValues(v),
      mayChange: mayChangeItem(actor, v.createdBy),
      display: (
        <p>
          <span className="font-medium">
            {v.nameLatin ? <span dir="ltr">{v.nameLatin}</span> : null}
            {v.nameLatin && v.nameAr ? " · " : null}
            {v.nameAr ? <span lang="ar">{v.nameAr}</span> : null}
          </span>{" "}
          — {t(`outcomes.${v.outcome}`)}, {t(`sexes.${v.sex}`)}, {v.age !== null ? `${v.age}, ` : ""}
          {t(`ageGroups.${v.ageGroup}`)}
          {v.familyGroup ? `, ${v.familyGroup}` : ""} · {t(`verifications.${v.identityVerification}`)}
          {v.confidential ? <span className="ms-2 rounded bg-red-100 px-2 text-red-900">{t("caseDetail.confidential")}</span> : null}
        </p>
      ),
    };
  });
}

function sourceRows(c: CaseDetail, actor: Actor, t: T) {
  return c.sources.map((s) => ({
    id: s.id,
    name: s.title ?? s.publisher ?? t(`sourceTypes.${s.type}`),
    values: asValues(s),
    mayChange: mayChangeItem(actor, s.createdBy),
    display: (
      <p>
        <span className="font-medium">{t(`sourceTypes.${s.type}`)}</span>
        {s.publisher ? ` · ${s.publisher}` : ""}
        {s.title ? ` · ${s.title}` : ""}
        {s.publishedOn ? ` · ${s.publishedOn}` : ""}
        {s.language ? ` · ${s.language}` : ""}
        {s.url ? (
          <>
            {" · "}
            <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" className="text-sky-800 underline" dir="ltr">
              {s.url}
            </a>
          </>
        ) : null}
        {s.confidential ? <span className="ms-2 rounded bg-red-100 px-2 text-red-900">{t("caseDetail.confidential")}</span> : null}
      </p>
    ),
  }));
}

function commentRows(c: CaseDetail, actor: Actor, format: Format) {
  return c.comments.map((m) => ({
    id: m.id,
    name: m.authorName,
    values: asValues(m),
    mayChange: mayChangeItem(actor, m.authorId),
    display: (
      <div>
        <p className="text-sm text-slate-600">
          {m.authorName} · {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </p>
        <p className="whitespace-pre-line">{m.body}</p>
      </div>
    ),
  }));
}
