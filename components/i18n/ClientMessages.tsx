import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, type ClientArea } from "@/lib/i18n/client-namespaces";
import { ClientIntlProvider } from "./ClientIntlProvider";

/** A message missing from an area fails the render: in development, and for the end-to-end tests (I18N_STRICT=on). */
const strict = process.env.I18N_STRICT === "on" || process.env.NODE_ENV === "development";

/** Gives the client components below it their area's messages (a nearer one replaces a farther one). */
export async function ClientMessages({ area, children }: { area: ClientArea; children: ReactNode }) {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return (
    <ClientIntlProvider locale={locale} timeZone={timeZone} messages={clientMessages(messages, area)} strict={strict}>
      {children}
    </ClientIntlProvider>
  );
}
