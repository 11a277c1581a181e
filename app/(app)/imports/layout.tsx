import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function ImportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="imports">{children}</ClientMessages>;
}
