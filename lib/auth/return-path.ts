/** Only a path on this site may be returned to after sign-in; anything else goes home. */
export function safeReturnPath(value: string | null | undefined): string {
  // Browsers drop tabs and line breaks inside URLs, so "/\t/evil.org" would become "//evil.org".
  if (!value || /[\u0000-\u001f\u007f]/.test(value)) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}
