"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * A running job's progress (the commit's rows filed, or a large preview's rows checked), as the
 * server last wrote it; the page is asked again every two seconds until the job ends, so a reload
 * or another tab shows the same.
 */
export function ImportProgress({ done, total, observed, checking = false }: { done: number; total: number; observed: boolean; checking?: boolean }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="flex flex-col gap-2" data-testid={checking ? "preview-progress" : "import-progress"}>
      <progress max={Math.max(total, 1)} value={done} aria-labelledby="import-progress-label" className="w-full" />
      <p id="import-progress-label" role="status">
        {checking
          ? t(total ? "checkingCount" : "checkingStarted", { done: format.number(done), total: format.number(total) })
          : observed
            ? t("progressCount", { done: format.number(done), total: format.number(total) })
            : t("progressUnobserved")}
      </p>
    </div>
  );
}
