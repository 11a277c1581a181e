import QRCode from "qrcode";
import { sealForAWhile, unsealInTime } from "./sealed";
import { newRecoveryCodes, newTotpSecret, totpAddress } from "./totp";

/** What the person is shown to set up an authenticator: nothing is stored until they prove it works. */
export type Enrolment = {
  secret: string;
  /** The key as an SVG QR code, drawn on the server. */
  qrSvg: string;
  recoveryCodes: string[];
  /** The key, codes and account, sealed (lib/auth/sealed.ts) for the confirming request. */
  ticket: string;
};

export type EnrolmentTicket = { userId: string; sv: number; secret: string; codes: string[] };

const ENROLMENT_SECONDS = 15 * 60;

export async function newEnrolment(account: { id: string; email: string; sessionVersion: number }, now = new Date()): Promise<Enrolment> {
  const secret = newTotpSecret();
  const recoveryCodes = newRecoveryCodes();
  const qrSvg = await QRCode.toString(totpAddress(secret, account.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const ticket = sealForAWhile("enrolment-ticket", { userId: account.id, sv: account.sessionVersion, secret, codes: recoveryCodes } satisfies EnrolmentTicket, ENROLMENT_SECONDS, now);
  return { secret, qrSvg, recoveryCodes, ticket };
}

/** The enrolment a ticket carries, if the app sealed it and it has not expired. */
export function openEnrolment(ticket: unknown, now = new Date()): EnrolmentTicket | null {
  return unsealInTime<EnrolmentTicket>("enrolment-ticket", ticket, now);
}

/** Whether an enrolment was made for this account as it is now (a password reset since voids it). */
export function enrolmentFits(enrolment: EnrolmentTicket, account: { id: string; sessionVersion: number }): boolean {
  return enrolment.userId === account.id && enrolment.sv === account.sessionVersion;
}
