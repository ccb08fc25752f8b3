// @ts-check
'use strict';
// The project's own dev dependencies, installed on first use: `npm test` and `npm run n8n` work on
// a fresh clone as the README's two commands, with no install step of their own.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT } = require('./repo');

/**
 * Whether node_modules holds what package-lock.json names: npm records what it installed in
 * node_modules/.package-lock.json; every non-optional package of the lock file must be there at the
 * same version. Compared by content, not by file dates: a checkout or a worktree touches the lock
 * file without changing it.
 */
function installed() {
	const hidden = path.join(ROOT, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(hidden)) return false;
	const want = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages || {};
	const have = JSON.parse(fs.readFileSync(hidden, 'utf8')).packages || {};
	return Object.entries(want).every(
		([name, entry]) => name === '' || entry.optional || (have[name] && have[name].version === entry.version),
	);
}

/** Runs `npm ci` when node_modules is missing or does not hold what the lock file names. */
function ensureDependencies() {
	if (installed()) return;
	process.stderr.write('[setup] installing the development dependencies (npm ci, first run only)\n');
	const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) throw new Error(`npm ci failed (exit ${res.status})`);
}

module.exports = { ensureDependencies };
