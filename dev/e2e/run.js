#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run test:e2e`: builds the package once, then runs the end-to-end suite (dev/e2e/suites) against
// a real n8n of each version given (default: N8N_VERSION or 2.41.1), each on the Node.js it needs
// (dev/lib/provision.js). CI: `npm run test:e2e -- 2.41.1 2.8.4 1.123.81`. Ends with one line
// per version: its count of checks, passed, failed and skipped (a skip prints its reason).
// Exit code: non-zero if any version failed.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { DEFAULT_VERSION, ROOT, nodeMajorFor, parseCli } = require('../lib');

const { positionals } = parseCli({}, { positionals: true });
const versions = positionals.length ? positionals : [process.env.N8N_VERSION || DEFAULT_VERSION];
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

/** The counts node:test's TAP reporter writes at the end (`# tests 33`, `# pass 33`, ...). */
function counts(tapFile) {
	const text = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
	const get = (name) => Number((text.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) || [])[1] || 0);
	const skips = [...text.matchAll(/^\s*ok \d+ - (.*) # SKIP (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
	return { tests: get('tests'), pass: get('pass'), fail: get('fail'), skipped: get('skipped') + get('todo'), cancelled: get('cancelled'), skips };
}

const summary = [];
let failed = 0;
for (const version of versions) {
	process.stderr.write(`\n[e2e] n8n ${version}\n`);
	const t0 = Date.now();
	const tapFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-e2e-tap-')), 'report.tap');
	const res = spawnSync(
		process.execPath,
		['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, path.join('dev', 'e2e', 'suites')],
		{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, N8N_VERSION: version, E2E_SKIP_BUILD: '1' } },
	);
	const c = counts(tapFile);
	fs.rmSync(path.dirname(tapFile), { recursive: true, force: true });
	const secs = ((Date.now() - t0) / 1000).toFixed(0);
	const node = nodeMajorFor(version) || process.versions.node.split('.')[0];
	const line = `n8n ${version} (Node ${node}): ${res.status === 0 ? 'passed' : 'FAILED'}, ${c.tests} checks: ${c.pass} passed, ${c.fail} failed, ${c.skipped} skipped${c.cancelled ? `, ${c.cancelled} cancelled` : ''}, in ${secs} s`;
	process.stderr.write(`[e2e] ${line}\n`);
	summary.push(line, ...c.skips.map((skip) => `  skipped: ${skip}`));
	if (res.status !== 0) failed++;
}
process.stderr.write(`\n[e2e] summary\n${summary.map((l) => `[e2e]   ${l}\n`).join('')}`);
process.exit(failed ? 1 : 0);
