import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function CaseLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="case">{children}</ClientMessages>;
}
