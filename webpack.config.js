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
const { builtManifest } = require("./scripts/production-manifest.cjs");
const { version } = require("./package.json");

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
    // Old webviews (excel-behaviour.md item 16): the runtime code webpack adds is ES2017 too.
    target: ["web", "es2017"],
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "ES2017" } } } },
        // Libraries ship ES2018+ syntax (object spread, ?., ??): lowered to ES2017 like our own code. The
        // playground-only HyperFormula stack is left as it is (the playground runs in current browsers).
        {
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /node_modules[\\/](hyperformula|chevrotain|@chevrotain|regexp-to-ast|tiny-emitter|unraw)[\\/]/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { allowJs: true, target: "ES2017", sourceMap: false } } },
        },
        { test: /\.(png|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
        // Glide Data Grid loads its cell editor with import(): bundled eagerly instead (no second file to fetch
        // while a person starts typing into a cell, whose first keys would otherwise race the download).
        { test: /\.js$/, include: /node_modules[\\/]@glideapps[\\/]/, parser: { dynamicImportMode: "eager" } },
        // Style sheets as text, put in a <style> by the module that imports them (only the playground's grid does).
        { test: /\.css$/, type: "asset/source", use: path.resolve(__dirname, "scripts/webpack/inline-css-imports.js") },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: ["./src/functions/functions.ts", "./src/functions/transition.ts", "./src/functions/titleI.ts"] }),
      built.taskpane && new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"], chunksSortMode: "manual" }),
      built.playground && new HtmlWebpackPlugin({ filename: "playground.html", template: "./src/playground/playground.html", chunks: ["playground"] }),
      // The manifest's SupportUrl: a page of its own, no script.
      built.taskpane && new HtmlWebpackPlugin({ filename: "support.html", template: "./src/support/support.html", chunks: [], inject: false, templateParameters: { version } }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // WSF_BASE_URL=https://addin.example.org npm run build writes the production manifest for that host
          // (scripts/production-manifest.cjs); without it, the development manifest on https://localhost:3000.
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => builtManifest(content.toString("utf8")) },
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
