/** @type {import('jest').Config} */
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true, verbatimModuleSyntax: false }, diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: { "\\.(css)$": "<rootDir>/test/support/styleMock.js" },
  setupFilesAfterEnv: ["<rootDir>/test/support/setup.ts"],
  testTimeout: 20000,
};
