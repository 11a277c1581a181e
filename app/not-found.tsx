import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/StatusPage";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return <StatusPage title={t("title")} body={t("body")} linkLabel={t("home")} standalone />;
}
