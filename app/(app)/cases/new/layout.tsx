import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function NewCaseLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="caseForm">{children}</ClientMessages>;
}
