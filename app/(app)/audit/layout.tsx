import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function AuditLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="audit">{children}</ClientMessages>;
}
