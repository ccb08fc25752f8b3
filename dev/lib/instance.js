// @ts-check
'use strict';
// A throwaway single-process n8n (regular mode, embedded SQLite) for the real-n8n benchmarks:
// temp user folder, this package installed from its tarball the community-package way, the given
// workflows imported and published, n8n started on free loopback ports. `close()` stops it and
// removes the folder (kept when KEEP=1, or when something failed, for its n8n.log).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const h = require('./n8n');
const { log, waitUntil } = require('./util');

/** Builds (unless build is false) and packs the package once; returns the tarball path. */
function tarball({ build = true } = {}) {
	return h.pack({ build });
}

/**
 * Starts a single-process n8n with `workflows`; `readyUrls` are POSTed until each is answered by its node.
 * Resolves { runtime, env, base, n8n, userFolder, restart(), close({ failed }) }.
 * @param {{ runtime: any, tgz: string, workflows: object[], readyUrls?: (base: string) => string[],
 *   extraEnv?: Record<string, string>, label?: string, prepare?: (userFolder: string) => void }} options
 */
async function startSingle({ runtime, tgz, workflows, readyUrls = () => [], extraEnv = {}, label = 'n8n', prepare }) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `dealpos-${label}-`));
	fs.mkdirSync(path.join(userFolder, 'files'));
	h.installPackage(userFolder, tgz);
	// `prepare(userFolder)`: anything else to install before n8n starts (the benchmark's control node).
	if (prepare) prepare(userFolder);
	const env = h.environment(runtime, {
		userFolder,
		port: await h.freePort(),
		brokerPort: await h.freePort(),
		extra: extraEnv,
	});
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	const t0 = Date.now();
	h.importAndPublish(runtime, env, { workflows });
	const urls = readyUrls(base);
	/** @type {any} */
	const inst = { runtime, env, base, userFolder, n8n: null };
	inst.n8n = await h.start(runtime, env, { readyUrl: urls[0] });
	await waitRoutes(urls);
	log(`${label}: n8n ${runtime.version} (single process, SQLite) ready at ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s; log ${inst.n8n.logFile}`);

	/** SIGTERM, wait for the exit (n8n's graceful shutdown; SIGKILL after killAfterMs), start again. */
	/** @param {{ killAfterMs?: number, onExited?: (exitMs: number) => void }} [options] */
	inst.restart = async ({ killAfterMs = 60000, onExited } = {}) => {
		const child = inst.n8n.child;
		const t = Date.now();
		const exited = new Promise((resolve) => {
			if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
			child.once('exit', (code, signal) => resolve({ code, signal }));
		});
		const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.kill('SIGTERM');
		const how = await exited;
		clearTimeout(killer);
		const exitMs = Date.now() - t;
		if (onExited) onExited(exitMs);
		inst.n8n = await h.start(runtime, env, { readyUrl: urls[0] });
		await waitRoutes(urls);
		return { exitMs, readyMs: Date.now() - t, exit: how };
	};
	inst.close = async ({ failed = false } = {}) => {
		if (inst.n8n) await inst.n8n.stop();
		inst.n8n = null;
		if (failed || process.env.KEEP === '1') log(`${label}: kept ${userFolder}`);
		else fs.rmSync(userFolder, { recursive: true, force: true });
	};
	return inst;
}

/** Lines of an n8n log that explain failures under load, counted (only those that occur). */
const LOG_PATTERNS = {
	'503 Database is not ready': /503 Database is not ready/,
	'Database ping failed': /Database ping failed/,
	'SQLite write mutex timeout': /Timeout waiting for lock SqliteWriteConnectionMutex/,
	'Postgres connection timeout': /timeout exceeded when trying to connect|Connection terminated due to connection timeout/,
	'problem executing the workflow': /There was a problem executing the workflow/,
	'request body aborted (client gave up)': /Request body stream was aborted/,
	'executions marked crashed': /Marked executions as `crashed`/,
	'graceful shutdown timed out': /process exited after \d+s/,
};
function logCounts(...files) {
	const out = {};
	for (const file of files) {
		let text = '';
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n')) {
			for (const [name, re] of Object.entries(LOG_PATTERNS)) if (re.test(line)) out[name] = (out[name] || 0) + 1;
		}
	}
	return out;
}

/** Removes the folder pack() made for the tarball. */
function removeTarball(tgz) {
	if (tgz && path.basename(path.dirname(tgz)).startsWith('dealpos-pack-')) fs.rmSync(path.dirname(tgz), { recursive: true, force: true });
}

/** True when the webhook at `url` is registered and answered by its node (h.registered). */
const routeAnswers = (url) => h.registered(url);

/** Waits until every URL is answered by its webhook (routeAnswers). */
async function waitRoutes(urls, timeoutMs = 60000) {
	for (const url of urls) {
		await waitUntil(() => routeAnswers(url), { timeoutMs, what: url });
	}
}

module.exports = { tarball, removeTarball, startSingle, waitRoutes, routeAnswers, logCounts };
