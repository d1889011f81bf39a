// `npm run test:e2e:repeat -- N [--each-file] [--files a,b] [--here]`: runs the end-to-end
// suite N times in a row and reports how many runs passed, so a flaky test shows itself.
//   --each-file   instead, runs every e2e file N times on its own (a file's state cannot lean
//                 on what an earlier file left behind)
//   --files a,b   only these files (names as in tests/e2e, with or without the suffix)
//   --here        runs in this working tree; by default the committed HEAD is cloned into a
//                 temporary folder, installed with `npm ci` and built there, as CI does
// Exits non-zero if any run failed; the log of each failed run is kept and its path printed.
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const times = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const eachFile = args.includes('--each-file');
const here = args.includes('--here');
const only = args.includes('--files') ? args[args.indexOf('--files') + 1].split(',') : null;

const run = (command, cwd) => execSync(command, { cwd, stdio: 'inherit' });
const logs = mkdtempSync(path.join(tmpdir(), 'met-e2e-repeat-logs-'));

let root = process.cwd();
// Read now: the working tree may move on while the runs go.
const commit = execSync('git rev-parse --short HEAD').toString().trim();
if (!here) {
  root = mkdtempSync(path.join(tmpdir(), 'met-e2e-repeat-'));
  console.log(`Cloning HEAD into ${root}…`);
  run(`git clone --quiet "${process.cwd()}" "${root}"`);
  run('npm ci --no-audit --no-fund --loglevel=error', root);
}
run('npx wxt build', root);
run('npx wxt build -b firefox', root);

const allFiles = readdirSync(path.join(root, 'tests/e2e')).filter((f) => f.endsWith('.e2e.test.ts')).sort();
const files = only ? allFiles.filter((f) => only.some((o) => f === o || f === `${o}.e2e.test.ts`)) : allFiles;
if (files.length === 0) throw new Error(`No e2e file matches ${only}`);

/** One run of the suite (or of some files); returns whether it passed, keeping the log if not. */
function once(label, targets) {
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...targets], { cwd: root, encoding: 'utf8' });
  const passed = result.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  let note = '';
  if (!passed) {
    const log = path.join(logs, `${label.replace(/[^a-z0-9]+/gi, '-')}.log`);
    writeFileSync(log, `${result.stdout}\n${result.stderr}`);
    const failed = [...new Set(`${result.stdout}`.replace(/\x1b\[[0-9;]*m/g, '').match(/FAIL .+/g) ?? [])];
    note = ` — ${failed.join('; ') || 'see log'} (${log})`;
  }
  console.log(`${passed ? 'pass' : 'FAIL'}  ${label}  ${seconds} s${note}`);
  return passed;
}

const tally = [];
if (eachFile) {
  for (const file of files) {
    let passes = 0;
    for (let i = 1; i <= times; i++) passes += once(`${file} ${i}/${times}`, [`tests/e2e/${file}`]) ? 1 : 0;
    tally.push(`${file}: ${passes}/${times}`);
  }
} else {
  let passes = 0;
  const targets = only ? files.map((f) => `tests/e2e/${f}`) : [];
  for (let i = 1; i <= times; i++) passes += once(`suite ${i}/${times}`, targets) ? 1 : 0;
  tally.push(`${only ? files.join(', ') : 'whole e2e suite'}: ${passes}/${times}`);
}
console.log(`\nRuns passed (${here ? 'this working tree' : `clean clone of ${commit}`}):`);
for (const line of tally) console.log(`  ${line}`);
process.exitCode = tally.every((line) => line.endsWith(`: ${times}/${times}`)) ? 0 : 1;
