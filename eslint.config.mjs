import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettierCompatible from "eslint-config-prettier";

/*
 * House rules that keep layers apart (docs/ARCHITECTURE.md, "Layers"). Each pattern names the
 * alias form (`@/db/…`) and the relative form (`../../db/…`) of a forbidden import.
 */
const TEST_CODE = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "lib/testing/**", "scripts/bench/**"];

const NO_TEST_CODE = {
  regex: "^(@/|(\\.\\./)+)(e2e|(lib/)?testing)(/|$)",
  message: "Only tests, e2e/, lib/testing/ and scripts/bench/ may import the emulator or test fixtures; talk to the emulator over HTTP instead.",
};
const DB_ONLY_VALUES_AND_CONFIG = {
  regex: "^(@/|(\\.\\./)+)lib/(?!(values|config)(/|$))",
  message: "db/ may import only lib/values and lib/config from lib/: domain code depends on db/, never the other way.",
};
const DB_NO_UPPER_LAYERS = {
  regex: "^(@/|(\\.\\./)+)(e2e|components|app|scripts)(/|$)",
  message: "db/ imports nothing from e2e/, components/, app/ or scripts/.",
};
const COMPONENTS_NO_DB = {
  regex: "^(@/|(\\.\\./)+)db(/|$)",
  message: "components/ never imports db/ (not even types): use lib/values or a shape defined in lib/.",
};

/** One rule entry per file group: a later block replaces an earlier one, so each lists every pattern that applies. */
const restrictImports = (...patterns) => ["error", { patterns }];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Layout is Prettier's job (`npm run format`); ESLint keeps to code rules.
  prettierCompatible,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.{ts,tsx,mts,mjs,js}"], ignores: TEST_CODE, rules: { "no-restricted-imports": restrictImports(NO_TEST_CODE) } },
  {
    files: ["db/**"],
    ignores: TEST_CODE,
    rules: { "no-restricted-imports": restrictImports(NO_TEST_CODE, DB_ONLY_VALUES_AND_CONFIG, DB_NO_UPPER_LAYERS) },
  },
  { files: ["components/**"], ignores: TEST_CODE, rules: { "no-restricted-imports": restrictImports(NO_TEST_CODE, COMPONENTS_NO_DB) } },
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"],
  },
];

export default config;
