import { readFileSync } from "node:fs";
import path from "node:path";
import { FUNCTION_FILES } from "../support/functionFiles";

describe("function files", () => {
  it("the tests generate functions.json from the same files as webpack's metadata plugin", () => {
    const config = readFileSync(path.resolve(__dirname, "../../webpack.config.js"), "utf8");
    const input = /CustomFunctionsMetadataPlugin\(\{[^}]*input: \[([^\]]*)\]/.exec(config);
    expect(input).not.toBeNull();
    const files = [...input![1].matchAll(/"\.\/src\/functions\/([^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(FUNCTION_FILES);
  });
});
