import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text asset, once at build time;
 * @fastify/static serves them (preCompressed) to browsers that accept them.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "planverk-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = path.join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json|txt)$/.test(name)) continue;
        const file = path.join(assets, name);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: "src/web",
  publicDir: "public",
  base: "/",
  plugins: [react(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    sourcemap: true,
    // The server reads it to preload the current page's chunks (src/http/web.ts).
    manifest: true,
    rollupOptions: {
      treeshake: {
        // Designsystemet's React package does not declare itself free of side effects, so every
        // component behind its index (Combobox with floating-ui and a virtualiser among them) would
        // land in the first load. Its modules are pure; the custom elements they need come from
        // @digdir/designsystemet-web, which a used component still imports for its effect.
        moduleSideEffects: (id: string) => !id.includes("/@digdir/designsystemet-react/"),
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
