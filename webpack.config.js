/* Builds the add-in (functions.js + functions.json, the task pane) and the playground.
 * - functions.js is a standalone bundle: loaded with nothing but the CustomFunctions global (Excel's
 *   JavaScript-only runtime) it registers every WSF function; the task pane page loads the same file
 *   (shared runtime).
 * - The playground bundles HyperFormula (GPL-3.0) and is a separate entry; the add-in entries never import it.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const devPort = Number(process.env.WSF_PORT || 3000);

const allEntries = {
  functions: "./src/functions/functions.ts",
  taskpane: "./src/taskpane/index.tsx",
  playground: "./src/playground/index.tsx",
};

/** `--env only=functions` builds just that entry (the function tests and the benchmark need only it). */
function pick(entries, only) {
  if (!only) return entries;
  const names = String(only).split(",");
  return Object.fromEntries(Object.entries(entries).filter(([name]) => names.includes(name)));
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const built = pick(allEntries, env.only);
  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: pick(allEntries, env.only),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        { test: /\.(png|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: ["./src/functions/functions.ts", "./src/functions/titleI.ts"] }),
      built.taskpane && new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], chunksSortMode: "manual" }),
      built.playground && new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ].filter(Boolean),
    devServer: {
      static: [{ directory: path.resolve(__dirname, "dist"), watch: false }],
      headers: { "Access-Control-Allow-Origin": "*" },
      server: "https",
      host: "localhost",
      port: devPort,
      hot: false,
      liveReload: false,
      client: false,
      watchFiles: [],
    },
  };
};
