import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pdfkit", "svg-to-pdfkit", "exceljs", "linkedom", "@observablehq/plot"],
  poweredByHeader: false,
  // Every page's <title> and metadata in the first bytes of its HTML, not streamed in later: a screen
  // reader announces the page at once, and nothing (axe included) ever sees a page without a title.
  htmlLimitedBots: /.*/,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  // On every response; the Content-Security-Policy, which needs a nonce per response, comes from proxy.ts.
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // same-origin, not no-referrer: with no-referrer a form posted before the page's script runs
          // carries "Origin: null", and Next.js refuses it as a cross-site server action.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          // Browsers ignore it over plain HTTP; behind TLS it keeps them from ever trying HTTP again.
          ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
