import path from "node:path";

/**
 * The custom-function source files, in the order webpack.config.js hands them to the metadata plugin
 * (test/build/functionFiles.test.ts checks the two lists agree), so a test that generates functions.json
 * from JSDoc sees every function, and a new function file is added in one place.
 */
export const FUNCTION_FILES = ["functions.ts", "transition.ts", "titleI.ts"];

/** Absolute paths of `FUNCTION_FILES`. */
export const functionFilePaths = (): string[] => FUNCTION_FILES.map((file) => path.resolve(__dirname, "../../src/functions", file));
