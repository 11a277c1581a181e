import { getFormatter, getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/form-state";
import type { TokenStatus, TokenSummary } from "@/lib/tokens/tokens";
import { RevokeTokenForm } from "./RevokeTokenForm";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const statusKey: Record<TokenStatus, string> = {
  active: "statusActive",
  revoked: "statusRevoked",
  expired: "statusExpired",
  ended: "statusEnded",
};

const statusStyle: Record<TokenStatus, string> = {
  active: "bg-emerald-100 text-emerald-900",
  revoked: "bg-slate-200 text-slate-800",
  expired: "bg-amber-100 text-amber-900",
  ended: "bg-red-100 text-red-900",
};

/** The person's tokens: never the token itself, only the prefix it starts with. */
export async function TokenTable({ tokens, revokeAction }: { tokens: TokenSummary[]; revokeAction: Action }) {
  const t = await getTranslations("account");
  const format = await getFormatter();
  if (tokens.length === 0) return <p className="text-slate-700">{t("noTokens")}</p>;
  const when = (d: Date | null, none: string) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : none);
  return (
    <table className="w-full border-collapse text-start" data-testid="token-table">
      <caption className="sr-only">{t("tokensCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-sm text-slate-700">
          <th scope="col" className="py-2 pe-3 text-start">{t("tokenName")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("tokenPrefix")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("created")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("lastUsed")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("expires")}</th>
          <th scope="col" className="py-2 pe-3 text-start">{t("status")}</th>
          <th scope="col" className="py-2 text-start"><span className="sr-only">{t("revoke")}</span></th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className="border-b border-slate-200 align-top" data-testid="token-row">
            <td className="py-2 pe-3 font-medium">{token.name}</td>
            <td className="py-2 pe-3">
              <code dir="ltr">{token.prefix}…</code>
            </td>
            <td className="py-2 pe-3 text-sm">{when(token.createdAt, "")}</td>
            <td className="py-2 pe-3 text-sm">{when(token.lastUsedAt, t("neverUsed"))}</td>
            <td className="py-2 pe-3 text-sm">{when(token.expiresAt, t("noExpiry"))}</td>
            <td className="py-2 pe-3 text-sm">
              <span className={`rounded px-2 py-0.5 ${statusStyle[token.status]}`} data-testid="token-status">
                {t(statusKey[token.status])}
              </span>
            </td>
            <td className="py-2">
              {token.status === "active" ? <RevokeTokenForm action={revokeAction} tokenId={token.id} tokenName={token.name} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
