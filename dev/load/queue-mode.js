#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run queue-mode`: the burst of dev/load/burst.js (1,000 deliveries at concurrency 200,
// DealPOS Trigger -> HTTP Request to a capture server) against n8n 2.41.1 in QUEUE MODE on this
// machine, compared with the same burst against a single-process n8n (SQLite) measured just before.
//
// Queue mode here: PostgreSQL (a private cluster: initdb in a temp folder, run as the postgres user
// on a free port) and Redis (no persistence, free port), both from Debian's packages, installed
// with apt-get when missing; one `n8n start` (main), one `n8n webhook` (receives the deliveries and
// enqueues them) and --workers=1 (default; 1 or 2) `n8n worker --concurrency=20`. All n8n processes
// share the user folder with this package installed the community-package way, the encryption key,
// DB_TYPE=postgresdb with DB_POSTGRESDB_POOL_SIZE=20 and DB_PING_TIMEOUT_MS=30000, EXECUTIONS_MODE=queue and the Redis address,
// and each gets its own N8N_PORT and N8N_RUNNERS_BROKER_PORT (workers: QUEUE_HEALTH_CHECK_PORT on
// 127.0.0.1). The deliveries go to the webhook process.
//
// Everything started here is stopped at the end, also on failure or Ctrl-C: n8n processes by
// process group (n8n and its task runner), Redis and PostgreSQL by pid; temp folders are removed
// (kept with KEEP=1 or after a failure, for the logs). The system's own redis/postgresql services are
// not used or touched. Options: --count=1000 --concurrency=200 --workers=1 --skip-single
// --n8n-env=KEY=VALUE,... (extra environment for every n8n process) --no-build;
// --webhooks=2 (or 3): that many `n8n webhook` processes behind nginx (--proxy=nginx, the only
// proxy: Debian's package, installed with apt-get when missing, run privately by dev/lib/nginx.js
// with the upstream and location block of docs/production.md); --next-upstream=error,timeout
// replaces its proxy_next_upstream line (commas for spaces; `default`: no such line,
// nginx's own `error timeout`). --restart: SIGTERM to webhook process 1 when half (--restart-at=0.5)
// of the first attempts finished, started again at once, with DealPOS's one retry emulated (the
// single-process baseline is then restarted midway too). With several webhook processes the
// restart is a rolling one: the process is marked `down` in nginx's config and nginx reloaded, then
// SIGTERM once no connection from nginx to it is open; started again, marked up and reloaded once
// it answers. --no-drain sends SIGTERM at once. Loopback only. On 2 cores all processes (and the
// load client) compete for the CPU.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const lib = require('../lib');
const { singleProcessBurst, burstWorkflow, startCapture, tarball, removeTarball, logCounts, runBurst, printBurst, loadLine, ms, LOAD_OPTIONS, deliveryOptions, n8nEnvOption, startNginx, parseCli, messageOf } = lib;

const { values: args } = parseCli({
	...LOAD_OPTIONS,
	...deliveryOptions(1000, 200),
	workers: { type: 'string', default: '1' },
	webhooks: { type: 'string', default: '1' },
	restart: { type: 'boolean', default: false },
	'restart-at': { type: 'string', default: '0.5' },
	'no-drain': { type: 'boolean', default: false },
	proxy: { type: 'string', default: 'nginx' },
	'next-upstream': { type: 'string' },
	'skip-single': { type: 'boolean', default: false },
});

/**
 * True when the trigger itself answers `url` (its token endpoint): a JSON answer that is neither
 * n8n's 503 while starting nor its 404 for a route not registered yet. The token endpoint of a
 * trigger without OAuth 2.0 answers 404 `not_found` too, so routeAnswers (2xx only) never passes.
 */
async function triggerAnswers(url) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	let body;
	try {
		body = JSON.parse(await res.text());
	} catch {
		return false; // "n8n is starting up. Please wait" (text)
	}
	return res.status !== 503 && !(res.status === 404 && /is not registered/.test(String(body && body.message)));
}

const cleanups = [];
const groups = new Set();

/** Starts an n8n command in its own process group; output to `logFile`. */
function spawnN8n(runtime, env, args, logFile) {
	const out = fs.openSync(logFile, 'a');
	/** @type {import('node:child_process').ChildProcess & { exited?: boolean }} */
	const child = spawn(runtime.nodeBin, [runtime.n8nBin, ...args], { env, stdio: ['ignore', out, out], detached: true });
	groups.add(child.pid);
	child.on('exit', () => {
		child.exited = true;
	});
	return child;
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGTERM to the process group; SIGKILL to the group after graceMs or if the leader exited. */
async function stopGroup(child, graceMs = 40000) {
	const pgid = child.pid;
	if (!groupAlive(pgid)) {
		groups.delete(pgid);
		return;
	}
	try {
		process.kill(-pgid, 'SIGTERM');
	} catch {
		// gone
	}
	const t0 = Date.now();
	while (groupAlive(pgid) && Date.now() - t0 < graceMs) {
		await new Promise((r) => setTimeout(r, 250));
		if (child.exited && Date.now() - t0 > 5000) break; // leader gone, stragglers get SIGKILL
	}
	if (groupAlive(pgid)) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone
		}
	}
	groups.delete(pgid);
}

async function cleanup() {
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			await fn();
		} catch (error) {
			lib.log(`cleanup: ${messageOf(error)}`);
		}
	}
}

// Last resort if the script exits without running cleanup(): kill what is still tracked.
process.on('exit', () => {
	for (const pgid of groups) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		lib.log(`${signal}: stopping everything started here`);
		cleanup().finally(() => process.exit(130));
	});
}

async function queueModeBurst({ runtime, tgz, count, concurrency, workers, webhooks = 1, restart = false, restartAt = 0.5, drain = true, nextUpstream, n8nEnv = {} }) {
	const t0 = Date.now();
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-queue-'));
	fs.chmodSync(tmp, 0o755); // the postgres user must reach its data folder inside
	let failed = true;
	cleanups.push(() => {
		if (failed || process.env.KEEP === '1') lib.log(`queue mode: kept ${tmp}`);
		else fs.rmSync(tmp, { recursive: true, force: true });
	});

	const pg = await lib.startPostgres({ dir: path.join(tmp, 'postgres'), port: await lib.freePort() });
	cleanups.push(() => pg.stop());
	const redis = await lib.startRedis({ dir: path.join(tmp, 'redis'), port: await lib.freePort() });
	cleanups.push(() => redis.stop());
	lib.log(`queue mode: PostgreSQL ${pg.version} on 127.0.0.1:${pg.port}, Redis on 127.0.0.1:${redis.port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

	const capture = await startCapture();
	cleanups.push(() => capture.close());
	const workflow = burstWorkflow(capture.url);
	const trigger = workflow.nodes[0];

	const userFolder = path.join(tmp, 'home');
	fs.mkdirSync(path.join(userFolder, 'files'), { recursive: true });
	lib.installPackage(userFolder, tgz);
	const webhookPorts = [];
	for (let k = 0; k < webhooks; k++) webhookPorts.push(await lib.freePort());
	const mainPort = await lib.freePort();
	// Several webhook processes: nginx in front with the block of docs/production.md, as in production.
	let proxy = null;
	if (webhooks > 1) {
		proxy = await startNginx({ dir: path.join(tmp, 'nginx'), port: await lib.freePort(), ports: webhookPorts, mainPort, nextUpstream });
		cleanups.push(() => proxy.close());
		lib.log(`queue mode: nginx on ${proxy.port}, upstream and location block:\n${proxy.block}`);
	}
	const front = proxy ? proxy.base : `http://127.0.0.1:${webhookPorts[0]}`;
	/** @type {Record<string, string>} */
	const shared = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		DB_POSTGRESDB_POOL_SIZE: '20',
		// DB_PING_TIMEOUT_MS=30000 comes with n8nEnv (dev/lib/load.js): with n8n's 5 s default,
		// the ping waited behind the burst in the pool's queue and n8n answered 511 of 1,000
		// deliveries 503 "Database is not ready".
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// The URLs n8n shows point at the webhook process (or nginx in front of them).
		N8N_WEBHOOK_URL: `${front}/`,
		WEBHOOK_URL: `${front}/`,
		...n8nEnv,
	};
	const envFor = async (port, extra = {}) =>
		lib.environment(runtime, { userFolder, port, brokerPort: await lib.freePort(), extra: { ...shared, ...extra } });

	const mainEnv = await envFor(mainPort);
	lib.importAndPublish(runtime, mainEnv, { workflows: [workflow] });
	lib.log(`queue mode: workflow imported and published into PostgreSQL (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

	const main = spawnN8n(runtime, mainEnv, ['start'], path.join(tmp, 'main.log'));
	cleanups.push(() => stopGroup(main));
	await lib.waitUntil(async () => {
		if (main.exited) throw new Error(`n8n main exited; see ${tmp}/main.log`);
		return (await fetch(`http://127.0.0.1:${mainEnv.N8N_PORT}/healthz`)).ok;
	}, { timeoutMs: 180000, what: 'n8n main' });
	lib.log(`queue mode: main up on ${mainEnv.N8N_PORT} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

	const webhookProcs = [];
	for (const [k, port] of webhookPorts.entries()) {
		const env = await envFor(port);
		const w = { env, port, log: path.join(tmp, `webhook${k + 1}.log`) };
		w.child = spawnN8n(runtime, env, ['webhook'], w.log);
		cleanups.push(() => stopGroup(w.child));
		webhookProcs.push(w);
	}
	const webhookReady = async (w) => {
		const own = lib.readyUrl(`http://127.0.0.1:${w.port}`, trigger);
		await lib.waitUntil(async () => {
			if (w.child.exited) throw new Error(`n8n webhook exited; see ${w.log}`);
			return triggerAnswers(own);
		}, { timeoutMs: 180000, what: `n8n webhook process on ${w.port}` });
	};
	const workerProcs = [];
	for (let k = 0; k < workers; k++) {
		const healthPort = await lib.freePort();
		const env = await envFor(await lib.freePort(), {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		const child = spawnN8n(runtime, env, ['worker', '--concurrency=20'], path.join(tmp, `worker${k + 1}.log`));
		cleanups.push(() => stopGroup(child));
		workerProcs.push({ child, healthPort });
	}
	for (const w of webhookProcs) await webhookReady(w);
	for (const [k, w] of workerProcs.entries()) {
		await lib.waitUntil(async () => {
			if (w.child.exited) throw new Error(`n8n worker exited; see ${tmp}/worker${k + 1}.log`);
			return (await fetch(`http://127.0.0.1:${w.healthPort}/healthz`)).ok;
		}, { timeoutMs: 180000, what: `n8n worker ${k + 1}` });
	}
	lib.log(
		`queue mode: ${webhooks} webhook process(es) on ${webhookPorts.join(', ')}${proxy ? ` behind nginx on ${proxy.port}` : ''} and ${workers} worker(s) ready (${((Date.now() - t0) / 1000).toFixed(1)} s after the first service started)`,
	);

	const report = await runBurst({
		url: lib.eventUrl(front, trigger, 'created'),
		target: proxy ? 'nginx' : 'the webhook process',
		midwayNote: restart ? ', webhook process 1 restarted midway' : '',
		capture,
		count,
		concurrency,
		// As the single-process baseline: first attempts only, unless a restart is measured (then
		// DealPOS's one retry is emulated, see dev/lib/burst.js).
		retry: restart,
		// The backlog drains in the workers: wait while any n8n process works.
		idlePids: () => [main, ...webhookProcs.map((w) => w.child), ...workerProcs.map((w) => w.child)].filter((c) => !c.exited).map((c) => c.pid),
		log: (m) => lib.log(`queue mode: ${m}`),
		midwayAt: restartAt,
		midway: restart
			? async (completed) => {
					const w = webhookProcs[0];
					let drainMs = null;
					if (proxy && drain) {
						// A rolling restart: marked down in nginx first, stopped once it holds nothing.
						const td = Date.now();
						lib.log(`queue mode: draining webhook process 1 (${proxy.inflight(w.port)} deliveries in flight there)`);
						await proxy.drain(w.port);
						drainMs = Date.now() - td;
					}
					const t = Date.now();
					const inflightAtSigterm = proxy ? proxy.inflight(w.port) : null;
					lib.log(`queue mode: SIGTERM to webhook process 1 (port ${w.port}${proxy ? `, ${inflightAtSigterm} connections from nginx open` : ''})`);
					await stopGroup(w.child);
					const exitMs = Date.now() - t;
					lib.log(`queue mode: webhook process 1 exited ${(exitMs / 1000).toFixed(1)} s after SIGTERM; starting it again`);
					w.child = spawnN8n(runtime, w.env, ['webhook'], w.log);
					cleanups.push(() => stopGroup(w.child));
					await webhookReady(w);
					const readyMs = Date.now() - t;
					if (proxy && drain) await proxy.undrain(w.port);
					lib.log(`queue mode: webhook process 1 answers again ${(readyMs / 1000).toFixed(1)} s after SIGTERM`);
					return { drainedFirst: drainMs !== null, drainMs, inflightAtSigterm, sigtermAfterFirstAttempts: completed, exitAfterSigtermMs: exitMs, readyAfterSigtermMs: readyMs };
				}
			: undefined,
	});
	report.n8nLog = logCounts(path.join(tmp, 'main.log'), ...webhookProcs.map((w) => w.log), ...workerProcs.map((_, k) => path.join(tmp, `worker${k + 1}.log`)));
	if (proxy) report.proxy = { ...proxy.stats(), block: proxy.block };
	failed = false;
	return { report, postgres: pg.version, pool: shared.DB_POSTGRESDB_POOL_SIZE, pingTimeout: shared.DB_PING_TIMEOUT_MS };
}

async function main() {
	const t0 = Date.now();
	const count = Number(args.count);
	const concurrency = Number(args.concurrency);
	const workers = Number(args.workers);
	const webhooks = Number(args.webhooks);
	const restart = args.restart;
	const restartAt = Number(args['restart-at']);
	const drain = !args['no-drain'];
	const proxyName = args.proxy;
	if (proxyName !== 'nginx') throw new Error('--proxy: nginx (the only proxy in front of several webhook processes)');
	// --next-upstream=error,timeout: that proxy_next_upstream instead of the documented one; `default`: none.
	const nu = args['next-upstream'];
	const nextUpstream = nu === undefined ? undefined : nu === 'default' ? '' : nu.split(',').join(' ');
	if (!(restartAt > 0 && restartAt < 1)) throw new Error('--restart-at: the fraction of first attempts finished, between 0 and 1');
	if (!(count > 0 && count <= 5000) || !(concurrency > 0 && concurrency <= 500) || ![1, 2].includes(workers) || ![1, 2, 3].includes(webhooks)) {
		throw new Error('--count 1..5000, --concurrency 1..500, --workers 1 or 2, --webhooks 1..3');
	}
	const n8nEnv = n8nEnvOption(args['n8n-env']);
	console.log(`queue-mode start ${new Date().toISOString()}, ${loadLine()}${Object.keys(n8nEnv).length ? `, n8n env ${JSON.stringify(n8nEnv)}` : ''}`);
	const pkgs = lib.ensurePackages({ nginx: webhooks > 1 });
	if (pkgs.installed.length) console.log(`installed ${pkgs.installed.join(', ')} with apt-get in ${pkgs.seconds.toFixed(0)} s`);
	const runtime = lib.ensureN8n();
	const tgz = tarball({ build: !args['no-build'] });
	cleanups.push(() => removeTarball(tgz));
	lib.customer(); // load the catalog now

	let single = null;
	if (!args['skip-single']) {
		lib.log('single-process baseline first');
		single = await singleProcessBurst({ runtime, tgz, count, concurrency, n8nEnv, restart, retry: restart });
		printBurst(`\nA. n8n ${runtime.version}, single process (regular mode, SQLite)${restart ? ', restarted midway (SIGTERM)' : ''}`, single);
		console.log(`  load: before ${single.load.before}; after ${single.load.after}`);
	}
	const { report: queue, postgres, pool, pingTimeout } = await queueModeBurst({ runtime, tgz, count, concurrency, workers, webhooks, restart, restartAt, drain, nextUpstream, n8nEnv });
	const nextLine = nextUpstream === undefined ? "the documented proxy_next_upstream" : nextUpstream ? `proxy_next_upstream ${nextUpstream}` : "nginx's default proxy_next_upstream (error timeout)";
	const webhookSetup = webhooks > 1 ? `${webhooks} webhook processes behind nginx (${nextLine})` : 'webhook';
	printBurst(
		`\nB. n8n ${runtime.version}, queue mode: main + ${webhookSetup} + ${workers} worker(s) --concurrency=20, PostgreSQL ${postgres} (pool ${pool}, DB_PING_TIMEOUT_MS ${pingTimeout}), Redis${restart ? `; webhook process 1 restarted midway (${webhooks > 1 && drain ? 'drained in nginx (down, reload), then SIGTERM' : 'SIGTERM'})` : ''}`,
		queue,
	);
	if (queue.proxy) {
		const { block, ...stats } = queue.proxy;
		console.log(`  nginx block tested:\n${block.replace(/^/gm, '    ')}`);
		console.log(`  nginx access log: ${JSON.stringify(stats)}`);
	}
	console.log(`  load: before ${queue.load.before}; after ${queue.load.after}`);

	const row = (label, r) => ({
		setup: label,
		'2xx (first try)': `${r.firstAttempt2xx}/${r.sent}`,
		failures: Object.keys(r.firstAttemptFailures).length ? JSON.stringify(r.firstAttemptFailures) : 0,
		'accepted/s': r.acceptedPerSecond.toFixed(1),
		'answer p50': ms(r.answer.p50),
		'answer p99': ms(r.answer.p99),
		'answer max': ms(r.answer.max),
		'executions (distinct)': `${r.executions} (${r.distinctIds})`,
		'dup/missing': `${r.duplicateExecutions}/${r.missing}`,
		'executed/s': r.executedPerSecond.toFixed(1),
		'send->exec p99': ms(r.e2e.p99),
		'drain after last answer': ms(r.drainAfterLastAnswerMs),
	});
	console.log(`\nSame burst (${count} deliveries, concurrency ${concurrency}), same machine, one after the other:`);
	console.table([...(single ? [row('A single process, SQLite', single)] : []), row(`B queue mode, ${webhooks} webhook, ${workers} worker`, queue)]);
	if (single) {
		console.log(
			`queue/single: accepted/s x${(queue.acceptedPerSecond / single.acceptedPerSecond).toFixed(2)}, answer p99 x${(queue.answer.p99 / single.answer.p99).toFixed(2)}, executed/s x${(queue.executedPerSecond / single.executedPerSecond).toFixed(2)}`,
		);
	}
	console.log(`queue-mode done in ${((Date.now() - t0) / 1000).toFixed(0)} s, ${loadLine()}`);
}

main()
	.catch((error) => {
		process.stderr.write(`${error.stack || error}\n`);
		process.exitCode = 1;
	})
	.finally(async () => {
		await cleanup();
		lib.log('queue mode: everything started here is stopped');
	});
