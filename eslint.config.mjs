import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "samples/**", "docs/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: no Office, React or DOM, so it runs in Node, the browser and Excel alike.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "office-*", "@microsoft/*", "hyperformula", "exceljs", "*/workbook/*", "*/taskpane/*", "*/functions/*", "*/playground/*"] }],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "CustomFunctions", "navigator", "localStorage"],
    },
  },
  {
    // Components and hooks reach Excel only through a WorkbookPort.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/playground/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Use the WorkbookPort; only src/workbook/office calls Excel.run." }],
    },
  },
  {
    files: ["**/*.js", "scripts/**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
