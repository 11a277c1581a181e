"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * A running import's progress, as the server last wrote it; the page is asked again every two
 * seconds until the import ends, so a reload or another tab shows the same.
 */
export function ImportProgress({ done, total, observed }: { done: number; total: number; observed: boolean }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <progress max={Math.max(total, 1)} value={done} aria-labelledby="import-progress-label" className="w-full" />
      <p id="import-progress-label" role="status">
        {observed ? t("progressCount", { done: format.number(done), total: format.number(total) }) : t("progressUnobserved")}
      </p>
    </div>
  );
}
