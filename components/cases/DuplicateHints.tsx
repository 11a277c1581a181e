"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState } from "react";
import { findDuplicatesAction } from "@/app/(app)/cases/actions";

type Hint = { id: string; reference: string; title: string; incidentDateFrom: string };
type Props = { caseId?: string; governoratePcode: string; from: string; to: string; latitude: string; longitude: string };

/** While filing: allegations that may describe the same incident, looked up as the place and date are typed. */
export function DuplicateHints({ caseId, governoratePcode, from, to, latitude, longitude }: Props) {
  const t = useTranslations("caseForm");
  const [hints, setHints] = useState<Hint[] | null>(null);
  useEffect(() => {
    if (!governoratePcode || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const found = await findDuplicatesAction({ caseId, governoratePcode, from, to: to || from, latitude, longitude });
        if (!cancelled) setHints(found);
      } catch {
        // A hint is a courtesy: if the lookup fails (a dropped connection), the form goes on without it.
      }
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [caseId, governoratePcode, from, to, latitude, longitude]);
  if (hints === null) return null;
  return (
    <section aria-labelledby="duplicate-hints" aria-live="polite" className="rounded-lg border border-amber-600 bg-amber-50 p-4">
      <h2 id="duplicate-hints" className="font-semibold">
        {t("duplicatesTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("duplicatesHelp")}</p>
      {hints.length === 0 ? (
        <p className="text-sm">{t("noDuplicates")}</p>
      ) : (
        <ul className="mt-2 list-disc ps-6">
          {hints.map((h) => (
            <li key={h.id}>
              <Link href={`/cases/${h.id}`} target="_blank" className="text-sky-800 underline">
                <span dir="ltr">{h.reference}</span>
              </Link>{" "}
              {h.title} ({h.incidentDateFrom})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
