import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Prints, after each build, what a first visit downloads (the entry script and every chunk it imports
// statically, gzip) and each page's own chunk loaded on demand: the numbers the README quotes.
export function bundleSizes(): Plugin {
  return {
    name: 'workflow-bundle-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const gzip = (code: string) => gzipSync(code, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const first = new Set<string>();
      const visit = (name: string) => {
        if (first.has(name)) return;
        first.add(name);
        for (const next of byName.get(name)?.imports ?? []) visit(next);
      };
      visit(entry.fileName);
      const firstBytes = [...first].reduce((sum, name) => sum + gzip(byName.get(name)!.code), 0);
      const lines = [`first page (entry and its static imports, ${first.size} files): ${kb(firstBytes)} gzip`];
      for (const chunk of chunks.filter((c) => c.isDynamicEntry).sort((a, b) => a.name.localeCompare(b.name)))
        lines.push(`  on demand ${chunk.name.padEnd(22)} ${kb(gzip(chunk.code)).padStart(9)} gzip`);
      this.info(`bundle sizes\n${lines.join('\n')}`);
    },
  };
}
