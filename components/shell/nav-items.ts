import type { Permission } from "@/lib/auth/permissions";

/** The navigation, each entry shown only to roles with its permission. Later sections add theirs here. */
export const navItems: { href: string; labelKey: string; permission: Permission | null }[] = [
  { href: "/", labelKey: "home", permission: null },
  { href: "/cases", labelKey: "cases", permission: "case:read" },
  { href: "/cases?mine=1", labelKey: "myCases", permission: "case:read" },
  { href: "/cases/new", labelKey: "newCase", permission: "case:create" },
  { href: "/imports", labelKey: "imports", permission: "case:import" },
  { href: "/summaries", labelKey: "summaries", permission: "summary:read" },
  { href: "/audit", labelKey: "audit", permission: "audit:read" },
  { href: "/admin/accounts", labelKey: "accounts", permission: "user:manage" },
  { href: "/account", labelKey: "account", permission: null },
];
