"use client";
import { IntlErrorCode, NextIntlClientProvider, type AbstractIntlMessages, type IntlError } from "next-intl";
import type { ReactNode } from "react";

type Props = { locale: string; timeZone: string; messages: AbstractIntlMessages; strict: boolean; children: ReactNode };

/**
 * In strict mode (the end-to-end tests) a message missing from the area's namespaces fails the
 * render instead of showing its key, so a client component that needs another namespace is caught.
 */
export function ClientIntlProvider({ strict, ...props }: Props) {
  return <NextIntlClientProvider {...props} onError={strict ? failOnMissing : undefined} />;
}

function failOnMissing(error: IntlError): void {
  if (error.code === IntlErrorCode.MISSING_MESSAGE) throw error;
  console.error(error);
}
