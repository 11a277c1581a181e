import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoAccount } from "./support/accounts";

async function expectLanguage(page: Page, lang: "ar" | "en"): Promise<void> {
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", lang);
  await expect(html).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  const header = page.getByRole("banner");
  if (lang === "ar") {
    await expect(header.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "التنقل الرئيسي" });
    await expect(nav.getByRole("link", { name: "الرئيسية", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "الحسابات", exact: true })).toBeVisible();
    await expect(page.getByTestId("signed-in-role")).toHaveText("مسؤول النظام");
    await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  } else {
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Home", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Accounts", exact: true })).toBeVisible();
    await expect(page.getByTestId("signed-in-role")).toHaveText("Administrator");
    await expect(header.getByRole("button", { name: "تسجيل الخروج" })).toHaveCount(0);
  }
}

test("switching to Arabic turns the app right-to-left, is remembered, and switching back restores English", async ({
  adminPage,
}) => {
  await adminPage.goto("/");
  await expectLanguage(adminPage, "en");

  await adminPage.getByRole("button", { name: "Switch to Arabic" }).click();
  await expectLanguage(adminPage, "ar");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(`مرحبًا، ${demoAccount("admin").name}`);

  // Remembered across navigation…
  await adminPage.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name: "الحسابات", exact: true }).click();
  await expect(adminPage).toHaveURL("/admin/accounts");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("الحسابات");
  await expectLanguage(adminPage, "ar");

  // …and a new page load.
  const another = await adminPage.context().newPage();
  await another.goto("/");
  await expectLanguage(another, "ar");

  await another.getByRole("button", { name: "التبديل إلى الإنجليزية" }).click();
  await expectLanguage(another, "en");
  await adminPage.reload();
  await expectLanguage(adminPage, "en");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("Accounts");
});
