// Builds the web app into web/dist. `npm run build` prints the first-load JavaScript size (gzip).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildGovernorateMap } from './build/governorateMap.ts';
import { serviceWorkerSource, SW_FILE } from './build/serviceWorker.ts';
import { firstLoadReport } from './build/sizeReport.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const GEOJSON = path.resolve(here, '../src/places/data/pse_admin2.geojson');
const MAP_ID = 'virtual:governorate-map';

function governorateMap(): Plugin {
  return {
    name: 'sanad-governorate-map',
    resolveId: (id) => (id === MAP_ID ? `\0${MAP_ID}` : undefined),
    load(id) {
      if (id !== `\0${MAP_ID}`) return undefined;
      this.addWatchFile(GEOJSON);
      return `export default ${JSON.stringify(buildGovernorateMap(GEOJSON))};`;
    },
  };
}

/** sw.js, listing every built file (web/build/serviceWorker.ts); registered by the app in production builds. */
function serviceWorker(): Plugin {
  return {
    name: 'sanad-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(Object.keys(bundle)) });
    },
  };
}

function sizeReport(): Plugin {
  return {
    name: 'sanad-size-report',
    apply: 'build',
    closeBundle() {
      const dist = path.resolve(here, 'dist');
      if (!fs.existsSync(path.join(dist, 'index.html'))) return;
      const r = firstLoadReport(dist);
      fs.writeFileSync(path.join(dist, 'size.json'), `${JSON.stringify(r, null, 2)}\n`);
      process.stdout.write(
        `\nFirst load JavaScript: ${(r.jsGzipBytes / 1024).toFixed(1)} KB gzipped (${(r.jsBytes / 1024).toFixed(1)} KB raw) in ${r.files.length} file(s); budget 300 KB\n`,
      );
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), governorateMap(), serviceWorker(), sizeReport()],
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, target: 'es2020', sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
