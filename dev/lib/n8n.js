// @ts-check
'use strict';
// Runs a real n8n with this package installed the way n8n installs community packages:
// build, `npm pack`, unpack the tarball into <user folder>/.n8n/nodes/node_modules/n8n-nodes-dealpos,
// import and publish workflows with n8n's CLI, start n8n, wait until the webhooks answer, stop it.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const { ROOT } = require('./repo');
const { waitUntil } = require('./util');

/** @typedef {import('./provision').Runtime} Runtime */

const PACKAGE = 'n8n-nodes-dealpos';
const NODE_TYPE = `${PACKAGE}.dealPosTrigger`;
const CREDENTIAL_TYPE = 'dealPosWebhookAuthApi';


/** A free TCP port on loopback. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** Builds the package and packs it; returns the tarball path. */
function pack({ build = true } = {}) {
	if (build) {
		const res = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
		if (res.status !== 0) throw new Error('npm run build failed');
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-pack-'));
	const res = spawnSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8' });
	if (res.status !== 0) throw new Error(`npm pack failed: ${res.stderr}`);
	const file = res.stdout.trim().split('\n').pop() || '';
	return path.join(dest, file);
}

/** Unpacks the tarball where n8n's community package installer puts packages. */
function installPackage(userFolder, tarball) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const res = spawnSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
	if (res.status !== 0) throw new Error(`tar failed: ${res.stderr}`);
	const nodesPkg = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
	fs.writeFileSync(nodesPkg, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE]: version } }, null, 2));
	return target;
}

/** Environment of a headless n8n on loopback. */
function environment(runtime, { userFolder, port, brokerPort, extra = {} }) {
	const base = `http://127.0.0.1:${port}/`;
	return {
		...runtime.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'dealpos-test-encryption-key-0001',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_WEBHOOK_URL: base,
		WEBHOOK_URL: base,
		N8N_EDITOR_BASE_URL: base,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_RESTRICT_FILE_ACCESS_TO: path.join(userFolder, 'files'),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		GENERIC_TIMEZONE: 'Asia/Jakarta',
		DB_SQLITE_POOL_SIZE: '4',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		...extra,
	};
}

function cli(runtime, env, args) {
	const res = spawnSync(runtime.nodeBin, [runtime.n8nBin, ...args], { env, encoding: 'utf8' });
	if (res.status !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
	}
	return res.stdout;
}

function writeJson(dir, name, value) {
	const file = path.join(dir, name);
	fs.writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

/**
 * Imports credentials and workflows, then publishes (activates) the workflows. n8n must be stopped.
 * n8n 2.x publishes with `publish:workflow --id`; 1.x has no publishing and activates with
 * `update:workflow --id --active=true`, one workflow a command (about 8 s each on 1.123.81 here),
 * or with `activateAll` (for a fresh user folder only) one `update:workflow --all --active=true`:
 * in a reused user folder it would also activate workflows a user keeps inactive.
 * @param {Runtime} runtime @param {Record<string, string>} env
 * @param {{ workflows: { id: string, active?: boolean }[], credentials?: object[], activateAll?: boolean }} what
 */
function importAndPublish(runtime, env, { workflows, credentials = [], activateAll = false }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-import-'));
	if (credentials.length) cli(runtime, env, ['import:credentials', `--input=${writeJson(dir, 'credentials.json', credentials)}`]);
	cli(runtime, env, ['import:workflow', `--input=${writeJson(dir, 'workflows.json', workflows)}`]);
	const [major, minor] = runtime.version.split('.').map(Number);
	if (major < 2 && activateAll && workflows.every((wf) => wf.active !== false)) {
		cli(runtime, env, ['update:workflow', '--all', '--active=true']);
		fs.rmSync(dir, { recursive: true, force: true });
		return { major, minor };
	}
	for (const wf of workflows) {
		if (wf.active === false) continue;
		if (major >= 2) cli(runtime, env, ['publish:workflow', `--id=${wf.id}`]);
		else cli(runtime, env, ['update:workflow', `--id=${wf.id}`, '--active=true']);
	}
	fs.rmSync(dir, { recursive: true, force: true });
	return { major, minor };
}

/**
 * Whether the webhook at `url` is registered and answered by its node: a POST `{}` gets a JSON body
 * that is not n8n's own 404 "The requested webhook ... is not registered". While n8n 2.41 starts
 * it answers 503 ("Database is not ready!"), then `200 n8n is starting up. Please wait` (text).
 * The node's answer may be a refusal (the token URL of a trigger without OAuth 2.0 answers 404).
 */
async function registered(url) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	const text = await res.text();
	if (res.status === 503 || res.status === 500) return false;
	let body;
	try {
		body = JSON.parse(text);
	} catch {
		return false;
	}
	return !(res.status === 404 && /is not registered/.test(String(body && body.message)));
}

/**
 * Starts `n8n start`; resolves when the webhook at `readyUrl` is registered (see registered()). Logs go to <userFolder>/n8n.log (and to stderr with `echo`).
 * @param {Runtime} runtime
 * @param {Record<string, string>} env
 * @param {{ readyUrl?: string, echo?: boolean, timeoutMs?: number }} [options]
 */
async function start(runtime, env, { readyUrl, echo = false, timeoutMs = 120000 } = {}) {
	const logFile = path.join(env.N8N_USER_FOLDER, 'n8n.log');
	const out = fs.openSync(logFile, 'a');
	// DEALPOS_NODE_ARGS: extra Node.js flags for the n8n process only (e.g. --cpu-prof, which
	// NODE_OPTIONS refuses); used by dev/load/profile.js.
	const nodeArgs = (env.DEALPOS_NODE_ARGS || '').split(' ').filter(Boolean);
	const child = spawn(runtime.nodeBin, [...nodeArgs, runtime.n8nBin, 'start'], {
		env,
		stdio: ['ignore', echo ? 'inherit' : out, echo ? 'inherit' : out],
		detached: false,
	});
	/** @type {{ code: number | null, signal: string | null } | null} */
	let exited = null;
	child.on('exit', (code, signal) => {
		exited = { code, signal };
	});
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	await waitUntil(
		async () => {
			if (exited) throw Object.assign(new Error(`n8n exited early (${JSON.stringify(exited)}); see ${logFile}`), { fatal: true });
			// The trigger's token URL: n8n answers "not registered" until the workflow is, then the
			// node answers (a refusal when the node does not use OAuth 2.0).
			if (readyUrl) return await registered(readyUrl);
			return (await fetch(`${base}/healthz`)).ok;
		},
		{ timeoutMs, what: `n8n at ${base}` },
	).catch((error) => {
		child.kill('SIGKILL');
		throw error;
	});
	return { child, base, logFile, stop: () => stop(child) };
}

/** Stops n8n: SIGTERM, then SIGKILL after 20 s. @param {import('node:child_process').ChildProcess} child */
function stop(child) {
	return /** @type {Promise<void>} */ (new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	}));
}

module.exports = {
	registered,
	PACKAGE,
	NODE_TYPE,
	CREDENTIAL_TYPE,
	freePort,
	pack,
	installPackage,
	environment,
	cli,
	importAndPublish,
	start,
	stop,
};
