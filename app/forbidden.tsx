import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/StatusPage";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return <StatusPage title={t("title")} body={t("body")} linkLabel={t("home")} standalone />;
}
