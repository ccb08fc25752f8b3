'use strict';
// A small HTTP load client for the real-n8n benchmarks (bench-n8n, burst, queue-mode): POSTs
// bounded numbers of JSON bodies to loopback URLs at a fixed concurrency over a keep-alive agent,
// records status and latency of every delivery, and summarises them. Plus helpers to read the
// machine load and to wait until a process is idle, because other engineers share these 2 cores.
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const { performance } = require('node:perf_hooks');

/** A keep-alive agent; concurrency is governed by the caller, not by the agent. */
function keepAliveAgent() {
	return new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024, scheduling: 'lifo' });
}

/**
 * One POST. Never rejects: resolves { status, ms, text } or { error, code, ms }.
 * `timeoutMs` bounds the whole exchange (DealPOS gives up after 30 s).
 */
function post(agent, url, body, { timeoutMs = 30000, headers = {} } = {}) {
	const u = new URL(url);
	if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') throw new Error(`loopback only: ${url}`);
	const data = typeof body === 'string' ? Buffer.from(body) : Buffer.from(JSON.stringify(body));
	const t0 = performance.now();
	return new Promise((resolve) => {
		let done = false;
		const finish = (result) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve({ ...result, ms: performance.now() - t0, startedAt: t0 });
		};
		const req = http.request(
			{
				agent,
				host: u.hostname,
				port: u.port,
				path: u.pathname + u.search,
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers },
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => finish({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', (error) => finish({ error: error.message, code: error.code || 'RESPONSE_ERROR' }));
			},
		);
		const timer = setTimeout(() => {
			finish({ error: `no answer within ${timeoutMs} ms`, code: 'TIMEOUT' });
			req.destroy();
		}, timeoutMs);
		req.on('error', (error) => finish({ error: error.message, code: error.code || 'REQUEST_ERROR' }));
		req.end(data);
	});
}

/** An agent that opens a new connection per request (`Connection: close`). */
function oneShotAgent() {
	return new http.Agent({ keepAlive: false, maxSockets: Infinity });
}

/**
 * Delivers `count` bodies at `concurrency`: `urlFor(i)` and `bodyFor(i)` give delivery i.
 * Closed loop by default (each of `concurrency` workers sends its next delivery as soon as the
 * previous one finished); with `ratePerSecond`, delivery i is not sent before t0 + i / rate (open
 * loop, still at most `concurrency` in flight). `onResult(i, result, completed)` is called as each
 * delivery finishes. Resolves { results, wallMs } (results[i] per delivery).
 */
async function deliver({ count, concurrency, urlFor, bodyFor, agent = keepAliveAgent(), timeoutMs = 30000, headers, onResult, ratePerSecond }) {
	const results = new Array(count);
	let next = 0;
	let completed = 0;
	const t0 = performance.now();
	async function worker() {
		for (;;) {
			const i = next++;
			if (i >= count) return;
			if (ratePerSecond) {
				const wait = t0 + (i * 1000) / ratePerSecond - performance.now();
				if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			}
			const result = await post(agent, urlFor(i), bodyFor(i), { timeoutMs, headers });
			results[i] = result;
			completed++;
			if (onResult) onResult(i, result, completed);
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
	return { results, wallMs: performance.now() - t0 };
}

function percentile(sorted, p) {
	if (!sorted.length) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Latency summary (ms) of an array of numbers. */
function latency(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

/** Summary of a deliver() run: counts, deliveries/s, latency of 2xx answers, error kinds. */
function summarize({ results, wallMs }) {
	const ok = results.filter((r) => r && r.status >= 200 && r.status < 300);
	const kinds = {};
	for (const r of results) {
		if (!r || (r.status >= 200 && r.status < 300)) continue;
		const kind = r.status ? `HTTP ${r.status}` : r.code;
		kinds[kind] = (kinds[kind] || 0) + 1;
	}
	return {
		count: results.length,
		ok: ok.length,
		failed: results.length - ok.length,
		kinds,
		/** Deliveries answered 2xx per second of the run (failures do not count as throughput). */
		perSecond: (ok.length / wallMs) * 1000,
		attemptsPerSecond: (results.length / wallMs) * 1000,
		wallMs,
		...latency(ok.map((r) => r.ms)),
	};
}

/** "load 1.97 2.63 2.92 (2 cores)" */
function loadLine() {
	const [a, b, c] = os.loadavg();
	return `load average ${a.toFixed(2)} ${b.toFixed(2)} ${c.toFixed(2)} (1/5/15 min, ${os.cpus().length} cores)`;
}

/** CPU seconds (user + system) used so far by a process, from /proc; NaN if gone. */
function cpuSeconds(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5)), in clock ticks.
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return NaN;
	}
}

/**
 * Waits until the process uses less than `threshold` of one core over a 1 s window (the executions
 * n8n accepted have run), at most `maxMs`. Resolves the time waited in ms.
 */
async function waitIdle(pids, { threshold = 0.15, maxMs = 60000 } = {}) {
	const list = [].concat(pids);
	const t0 = Date.now();
	for (;;) {
		const before = list.map(cpuSeconds);
		await new Promise((r) => setTimeout(r, 1000));
		const used = list.map(cpuSeconds).reduce((sum, v, k) => sum + (v - before[k] || 0), 0);
		if (used < threshold || Date.now() - t0 > maxMs) return Date.now() - t0;
	}
}

/** `--n8n-env=KEY=VALUE,KEY=VALUE` from argv as an object ({} when absent). */
/**
 * Environment every n8n of the load scripts gets, as we advise for an n8n that takes bursts:
 * n8n pings its database every 2 s and, when one ping waits more than DB_PING_TIMEOUT_MS (5 s by
 * default) behind the burst's own queries, marks the database "not ready" and answers EVERY request
 * 503 until a ping succeeds (seen here on SQLite and PostgreSQL: up to 511 of 1,000 deliveries). A
 * database that is really gone is still noticed, within 30 s. `--n8n-env=` overrides it.
 */
const LOAD_DEFAULTS = { DB_PING_TIMEOUT_MS: '30000' };

/** `--n8n-env=KEY=VALUE,KEY=VALUE` over LOAD_DEFAULTS. */
function n8nEnvArg(argv = process.argv) {
	const hit = argv.find((a) => a.startsWith('--n8n-env='));
	if (!hit) return { ...LOAD_DEFAULTS };
	return {
		...LOAD_DEFAULTS,
		...Object.fromEntries(
			hit
				.slice('--n8n-env='.length)
				.split(',')
				.filter(Boolean)
				.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
		),
	};
}

const ms = (v) => (Number.isFinite(v) ? (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : '-');

module.exports = { n8nEnvArg, keepAliveAgent, oneShotAgent, post, deliver, summarize, latency, percentile, loadLine, cpuSeconds, waitIdle, ms };
