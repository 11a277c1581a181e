import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function AccountsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="accounts">{children}</ClientMessages>;
}
