// @ts-check
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
				res.on('error', (/** @type {NodeJS.ErrnoException} */ error) => finish({ error: error.message, code: error.code || 'RESPONSE_ERROR' }));
			},
		);
		const timer = setTimeout(() => {
			finish({ error: `no answer within ${timeoutMs} ms`, code: 'TIMEOUT' });
			req.destroy();
		}, timeoutMs);
		req.on('error', (/** @type {NodeJS.ErrnoException} */ error) => finish({ error: error.message, code: error.code || 'REQUEST_ERROR' }));
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
 * @param {{ count: number, concurrency: number, urlFor: (i: number) => string, bodyFor: (i: number) => string,
 *   agent?: import('node:http').Agent, timeoutMs?: number, headers?: Record<string, string>,
 *   onResult?: (i: number, result: any, completed: number) => void, ratePerSecond?: number }} options
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
async function waitIdle(pids, options = {}) {
	return (await waitIdleCpu(pids, options)).waitedMs;
}

/**
 * waitIdle, also giving the CPU seconds the processes had used when their idle window began: the
 * CPU time of everything they did before it (executions included), without the idle window's own
 * background ticks. Resolves { waitedMs, cpuSeconds }.
 */
async function waitIdleCpu(pids, { threshold = 0.15, maxMs = 60000 } = {}) {
	const list = [].concat(pids);
	const t0 = Date.now();
	for (;;) {
		const before = list.map(cpuSeconds);
		await new Promise((r) => setTimeout(r, 1000));
		const used = list.map(cpuSeconds).reduce((sum, v, k) => sum + (v - before[k] || 0), 0);
		if (used < threshold || Date.now() - t0 > maxMs) return { waitedMs: Date.now() - t0, cpuSeconds: before.reduce((sum, v) => sum + v, 0) };
	}
}

/**
 * Environment every n8n of the load scripts gets, as we advise for an n8n that takes bursts:
 * n8n pings its database every 2 s and, when one ping waits more than DB_PING_TIMEOUT_MS (5 s by
 * default) behind the burst's own queries, marks the database "not ready" and answers EVERY request
 * 503 until a ping succeeds (seen here on SQLite and PostgreSQL: up to 511 of 1,000 deliveries). A
 * database that is really gone is still noticed, within 30 s. `--n8n-env=` overrides it.
 */
const LOAD_DEFAULTS = { DB_PING_TIMEOUT_MS: '30000' };

/**
 * The options of every load tool that starts an n8n, for parseCli: `--n8n-env=KEY=VALUE,...`
 * (n8nEnvOption) and `--no-build`; bench-n8n and burst add `--settings=a,b` (settingsOption).
 */
/** @type {NonNullable<import('node:util').ParseArgsConfig['options']>} */
const LOAD_OPTIONS = ({
	'n8n-env': { type: 'string' },
	'no-build': { type: 'boolean', default: false },
});

/**
 * `--count` and `--concurrency` for parseCli, with a tool's defaults.
 * @param {number} count @param {number} concurrency
 * @returns {NonNullable<import('node:util').ParseArgsConfig['options']>}
 */
function deliveryOptions(count, concurrency) {
	return { count: { type: 'string', default: String(count) }, concurrency: { type: 'string', default: String(concurrency) } };
}

/** `--n8n-env=KEY=VALUE,KEY=VALUE` over LOAD_DEFAULTS. @param {string | undefined} spec the option's value */
function n8nEnvOption(spec) {
	if (spec === undefined) return { ...LOAD_DEFAULTS };
	return {
		...LOAD_DEFAULTS,
		...Object.fromEntries(
			spec
				.split(',')
				.filter(Boolean)
				.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
		),
	};
}

/**
 * Named n8n settings for `--settings=a,b,...` (bench-n8n, burst): each setting runs in its own n8n
 * process, one after the other, with LOAD_DEFAULTS, then `--n8n-env=`, then the setting's own
 * variables. A setting is a preset name, `KEY=VALUE`, or several of them joined by `+`
 * (`recommended+N8N_CONCURRENCY_PRODUCTION_LIMIT=10`); its name is what was written.
 *
 * `recommended` is what docs/benchmarks-issue15.md measured for a single n8n that takes DealPOS
 * bursts (reasons there, and in the comments below). Variables a given n8n does not know are
 * ignored by it: describeSettings() says which ones apply.
 */
const SETTING_PRESETS = {
	default: {},
	// n8n 2.41: open an expression scope per webhook / execution and build the isolate only when an
	// expression reaches the engine (experimental in 2.41; a cold start is then synchronous). The
	// core Webhook's deliveries and executions without expressions then cost no isolate; a trigger of
	// typeVersion 1 (the DealPOS Trigger) still takes one per delivery, because n8n's
	// parseRequestBody reads options.binaryData of every v1 start node through the engine.
	lazy: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	// n8n 2.41: V8 code cache for the expression runtime bundle, so a new isolate skips re-parsing it.
	cache: { N8N_EXPRESSION_ENGINE_COMPILE_CACHE: 'true' },
	recommended: {
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
		N8N_EXPRESSION_ENGINE_COMPILE_CACHE: 'true',
	},
};

/**
 * NOT a setting: an experiment. `patched` preloads (node --require) a hook into the n8n process that
 * emulates a one-line change of n8n 2.41's webhook-helpers.js parseRequestBody(): for a trigger of
 * typeVersion 1 it reads `options.binaryData` through the expression engine
 * (`getSimpleParameterValue(node, '={{$parameter["options"]["binaryData"]}}', ...)`), which under
 * N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE still builds one isolate per delivery for every v1 community
 * trigger (the DealPOS Trigger and the control are v1; the core Webhook node is v2 and skips it).
 * The hook answers that one expression from the same `$parameter` on the host, as a native
 * resolver would, and leaves every other expression to the engine. Measures what the change buys.
 */
const N8N_PATCH_SOURCE = `'use strict';
// Written by n8n-nodes-dealpos dev/lib/load.js (setting "patched"): see the comment there.
const Module = require('module');
const load = Module._load;
const BINARY_DATA = '{{$parameter["options"]["binaryData"]}}';
Module._load = function (request) {
	const m = load.apply(this, arguments);
	if (request === 'n8n-workflow' && m && m.Expression && !m.Expression.__dealposPatched) {
		m.Expression.__dealposPatched = true;
		const render = m.Expression.prototype.renderExpression;
		m.Expression.prototype.renderExpression = function (expression, data) {
			if (expression === BINARY_DATA) {
				const options = data.$parameter && data.$parameter.options;
				return options && typeof options === 'object' ? options.binaryData : undefined;
			}
			return render.call(this, expression, data);
		};
	}
	return m;
};
`;
let patchFile;
function n8nPatchArgs() {
	if (!patchFile) {
		patchFile = `${os.tmpdir()}/dealpos-n8n-patch-binarydata.js`;
		fs.writeFileSync(patchFile, N8N_PATCH_SOURCE);
	}
	return `--require=${patchFile}`;
}

/** One `--settings` entry as { name, env } (env: the setting's own variables only). */
function parseSetting(spec) {
	const env = {};
	for (const part of spec.split('+').filter(Boolean)) {
		if (part.includes('=')) env[part.slice(0, part.indexOf('='))] = part.slice(part.indexOf('=') + 1);
		else if (part === 'patched') env.DEALPOS_NODE_ARGS = n8nPatchArgs();
		else if (Object.prototype.hasOwnProperty.call(SETTING_PRESETS, part)) Object.assign(env, SETTING_PRESETS[part]);
		else throw new Error(`--settings: unknown setting "${part}" (presets: ${Object.keys(SETTING_PRESETS).join(', ')}, patched; or KEY=VALUE joined by +)`);
	}
	return { name: spec, env };
}

/**
 * `--settings=default,recommended`: [{ name, own, env }], `own` the setting's variables, `env`
 * everything n8n gets from the harness (LOAD_DEFAULTS, --n8n-env, own). One `default` when absent.
 * @param {string | undefined} spec the --settings value
 * @param {string | undefined} n8nEnv the --n8n-env value
 */
function settingsOption(spec, n8nEnv) {
	const specs = spec ? spec.split(',').filter(Boolean) : ['default'];
	const base = n8nEnvOption(n8nEnv);
	return specs.map((spec) => {
		const { name, env } = parseSetting(spec);
		return { name, own: env, env: { ...base, ...env } };
	});
}

const configText = new Map();
/** Whether the n8n of `runtime` reads environment variable `name` (declared in @n8n/config). */
function n8nKnowsEnv(runtime, name) {
	if (!configText.has(runtime.dir)) {
		let text = '';
		const walk = (dir) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				const file = `${dir}/${entry.name}`;
				if (entry.isDirectory()) walk(file);
				else if (entry.name.endsWith('.js')) text += fs.readFileSync(file, 'utf8');
			}
		};
		try {
			walk(`${runtime.dir}/node_modules/@n8n/config/dist`);
		} catch {
			// no @n8n/config: say nothing is known
		}
		configText.set(runtime.dir, text);
	}
	return configText.get(runtime.dir).includes(`'${name}'`);
}

/** "KEY=VALUE, KEY2=VALUE (not read by n8n 2.8.4)" for a setting's own variables. */
function describeSetting(runtime, setting) {
	const parts = Object.entries(setting.own).map(([k, v]) =>
		k === 'DEALPOS_NODE_ARGS' ? `node ${v} (harness: ${v.includes('dealpos-n8n-patch') ? 'n8n patched, parseRequestBody reads options.binaryData natively' : 'extra Node.js flags'})` : `${k}=${v}${n8nKnowsEnv(runtime, k) ? '' : ` (not read by n8n ${runtime.version})`}`,
	);
	return parts.length ? parts.join(', ') : "n8n's defaults";
}

/** Median of numbers (NaN when empty). */
function median(values) {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (!v.length) return NaN;
	return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

const ms = (v) => (Number.isFinite(v) ? (v >= 10000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : '-');

module.exports = { deliveryOptions, LOAD_OPTIONS, n8nEnvOption, settingsOption, parseSetting, describeSetting, n8nKnowsEnv, median, SETTING_PRESETS, LOAD_DEFAULTS, keepAliveAgent, oneShotAgent, post, deliver, summarize, latency, percentile, loadLine, cpuSeconds, waitIdle, waitIdleCpu, ms };
