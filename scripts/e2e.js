#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: builds the package once, then runs the end-to-end suite (test/e2e) against
// a real n8n of each version given (default: N8N_VERSION or 2.41.1). `npm run test:e2e -- 2.41.1 2.8.4`
// runs it on both. Exit code: non-zero if any version failed.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { DEFAULT_VERSION, ROOT } = require('./lib/provision');

const versions = process.argv.slice(2).length ? process.argv.slice(2) : [process.env.N8N_VERSION || DEFAULT_VERSION];
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);

let failed = 0;
for (const version of versions) {
	process.stderr.write(`\n[e2e] n8n ${version}\n`);
	const t0 = Date.now();
	const res = spawnSync(process.execPath, ['--test', '--test-reporter=spec', path.join('test', 'e2e')], {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, N8N_VERSION: version, E2E_SKIP_BUILD: '1' },
	});
	process.stderr.write(`[e2e] n8n ${version}: ${res.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
	if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
