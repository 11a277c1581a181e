import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="account">{children}</ClientMessages>;
}
