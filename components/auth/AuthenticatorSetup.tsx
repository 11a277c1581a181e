import { useTranslations } from "next-intl";

type Props = { secret: string; qrSvg: string; recoveryCodes: string[] };

/**
 * What a person needs to set up an authenticator app: the key as a QR code and as text, and the
 * recovery codes, shown now and never again (nothing is stored until the first code is confirmed).
 */
export function AuthenticatorSetup({ secret, qrSvg, recoveryCodes }: Props) {
  const t = useTranslations("twoFactor");
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-1 ps-5 text-slate-800">
        <li>{t("setupScan")}</li>
        <li>{t("setupSave")}</li>
        <li>{t("setupConfirm")}</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        {/* The SVG is drawn on the server from our own otpauth:// address: no markup of anyone else's. */}
        <div role="img" aria-label={t("qrLabel")} className="w-44 shrink-0 border border-slate-300 bg-white p-1" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div className="flex min-w-0 flex-col gap-1">
          <p className="text-sm text-slate-700">{t("keyLabel")}</p>
          <code dir="ltr" data-testid="totp-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm">
            {secret.replace(/(.{4})/g, "$1 ").trim()}
          </code>
        </div>
      </div>
      <RecoveryCodeList codes={recoveryCodes} />
    </div>
  );
}

export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useTranslations("twoFactor");
  return (
    <section aria-labelledby="recovery-codes" className="rounded border border-amber-600 bg-amber-50 p-3">
      <h3 id="recovery-codes" className="font-semibold">
        {t("recoveryTitle")}
      </h3>
      <p className="mb-2 text-sm text-slate-800">{t("recoveryHelp")}</p>
      <ul dir="ltr" data-testid="recovery-codes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
