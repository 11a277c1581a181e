import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/current-actor";
import { permissionsOf } from "@/lib/auth/permissions";

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("home.title", { name: actor.name })}</h1>
        <p className="text-slate-700">{t("app.tagline")}</p>
      </div>
      <section aria-labelledby="can-do" className="rounded-lg border border-slate-300 bg-white p-6">
        <h2 id="can-do" className="mb-1 text-lg font-semibold">
          {t("home.canDo")}
        </h2>
        <p className="mb-3 text-slate-700">{t("home.role", { role: t(`roles.${actor.role}`) })}</p>
        <ul className="list-disc ps-6">
          {permissionsOf(actor.role).map((p) => (
            <li key={p}>{t(`permissions.${p}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
