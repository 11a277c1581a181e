import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="signIn">{children}</ClientMessages>;
}
