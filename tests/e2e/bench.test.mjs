// The benchmark harness itself, on the seed dist/: one round of the browser benchmark, then the
// report. The benchmarks are not run in CI (they take minutes and measure this machine), so this
// is what notices when a change to the app or the pack format breaks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

test('browser benchmark and report run on the seed corpus', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  try {
    const results = join(dir, 'results.jsonl');
    execFileSync('node', ['tests/bench/browser.mjs', results, 'seed', 'dist'], {
      cwd: ROOT, env: { ...process.env, BENCH_ROUNDS: '1' }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    const run = JSON.parse(readFileSync(results, 'utf8').trim());
    assert.equal(run.kind, 'browser');
    assert.equal(run.docs, 5);
    assert.ok(run.initiatives > 100, `initiatives read from the pack: ${run.initiatives}`);
    assert.ok(run.first_results_ms > 0 && run.search_ready_ms >= run.first_results_ms);
    // Every query and every toggle was measured once and produced a rendered list.
    assert.equal(run.query_ms.length, 20);
    assert.equal(run.toggle_ms.length, 20);
    assert.ok(run.query_ms.every((t) => t > 0 && t < 5000), String(run.query_ms));
    // The comparison ran in the page, on records the page read from the pack: all three
    // engines answered, ours exactly as the brute-force scan does.
    assert.equal(run.engines_error, null);
    for (const k of ['ours', 'flex', 'mini']) assert.equal(run.engines[k].length, 20, k);
    assert.ok(run.engines.ours.every((o) => o.exact && o.recall === 1), JSON.stringify(run.engines.ours));
    assert.ok(run.engines.ours.some((o) => o.truth > 0), 'some query finds records');
    // A build line as scripts/bench.sh writes it (the build step is not run here): its row
    // shows the wall time with the user and kernel CPU time beside it.
    appendFileSync(results, `${JSON.stringify({
      kind: 'build', docs: 1000, jobs: 1, bytes: 3_630_000, secs: 0.34, other_secs: 0.36,
      rss_kb: 96_000, user_secs: 0.27, sys_secs: 0.06, phases: 'read+extract 0.21s',
    })}\n`);
    const md = execFileSync('node', ['tests/bench/report.mjs', results], { cwd: ROOT, encoding: 'utf8' });
    assert.match(md, /\| 1000 \| 3\.\d+ MB \| 1 \| 0\.34 s \(other run 0\.36 s\) \| 10\.\d \| 2941 \| 0\.27 s \/ 0\.06 s \| /);
    assert.match(md, /## 4\. Side by side/);
    assert.match(md, /\| seed \| [0-9.]+ ms \| [0-9.]+ ms \| [0-9.]+ ms \| [0-9.]+ \| [0-9.]+ \| 1\.00 \/ /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
