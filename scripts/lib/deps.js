// @ts-check
'use strict';
// The project's own dev dependencies, installed on first use: `npm test` and `npm run n8n` work on
// a fresh clone as the README's two commands, with no install step of their own.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

/** Whether node_modules matches package-lock.json (npm writes this copy at the end of an install). */
function installed() {
	const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(marker)) return false;
	return fs.statSync(marker).mtimeMs >= fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs;
}

/** Runs `npm ci` when node_modules is missing or older than the lock file. */
function ensureDependencies() {
	if (installed()) return;
	process.stderr.write('[setup] installing the development dependencies (npm ci, first run only)\n');
	const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
	if (res.status !== 0) throw new Error(`npm ci failed (exit ${res.status})`);
}

module.exports = { ensureDependencies, ROOT };
