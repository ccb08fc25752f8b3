// @ts-check
'use strict';
// A burst of DealPOS deliveries against a published "DealPOS Trigger -> HTTP Request to the
// capture server" workflow, shared by dev/load/burst.js (single process, optional restart) and
// dev/load/queue-mode.js (webhook process + workers).
//
// Every delivery is the documented Customer Created example plus one extra field, `BurstID`
// ("<run>-<index>"), kept as sent by the trigger; the capture server counts executions per BurstID
// (and per `dealpos.deliveryKey`, which is a hash of the raw body and so unique per BurstID too).
//
// DealPOS's retry policy, as emulated here (README "Set up DealPOS"): one retry, 7 s after the
// failed attempt, only when the answer was a 5xx, 408 or 429, or when no answer came within DealPOS's
// 30 s timeout (DealPOS logs that as 408). Any other 4xx is not retried. A CONNECTION ERROR
// (connection refused, reset, socket hang up: no HTTP status at all) is NOT retried by default: the
// documented policy names statuses only, so we assume DealPOS logs it as an error and drops the
// delivery (the pessimistic reading). `retryConnectionErrors: true` (--retry-connection-errors)
// models the other reading, where DealPOS treats it like a 5xx and retries once.
const { performance } = require('node:perf_hooks');

const { post, deliver, latency, keepAliveAgent, oneShotAgent, waitIdle, ms, loadLine } = require('./load');
const { startCapture } = require('./capture');
const { startSingle, logCounts } = require('./instance');
const { captureWorkflow, readyUrl, eventUrl } = require('./workflows');
const { customer } = require('./payloads');
const { log } = require('./util');

const RETRY_DELAY_MS = 7000;
const DEALPOS_TIMEOUT_MS = 30000;

function is2xx(r) {
	return Boolean(r && r.status >= 200 && r.status < 300);
}

/** Would DealPOS retry after this attempt? */
function retryable(r, { retryConnectionErrors = false } = {}) {
	if (!r || is2xx(r)) return false;
	if (r.status) return r.status >= 500 || r.status === 408 || r.status === 429;
	if (r.code === 'TIMEOUT') return true; // DealPOS's own 30 s timeout, logged as 408
	return retryConnectionErrors;
}

function kindOf(r) {
	if (!r) return 'none';
	if (r.status) return `HTTP ${r.status}`;
	return r.code;
}

/**
 * Runs the burst. `capture` is a startCapture() server; the workflow posts to `${capture.url}/${tag}`.
 * `midway(completedCount)` (optional) is called once when `midwayAt` of the first attempts have
 * finished (answered or failed) and may return a promise (the restart). `idlePids` are waited on
 * (CPU idle) while the backlog drains. Logs the start (`count` deliveries to `target`, `url` by
 * default, `midwayNote` appended) and records the load before and after. Resolves a report (see summarizeBurst).
 * @param {{ url: string, target?: string, midwayNote?: string, capture: any, tag?: string, count?: number, concurrency?: number, runId?: string,
 *   midway?: (completed: number) => unknown, midwayAt?: number, retry?: boolean, retryConnectionErrors?: boolean,
 *   keepAlive?: boolean, ratePerSecond?: number, quietMs?: number, drainMaxMs?: number,
 *   idlePids?: () => number[], log?: (message: string) => void }} options
 */
async function runBurst({
	url,
	target = url,
	midwayNote = '',
	capture,
	tag = 'burst',
	count = 1000,
	concurrency = 200,
	runId = `${Date.now().toString(36)}`,
	midway,
	midwayAt = 0.5,
	retry = true,
	retryConnectionErrors = false,
	keepAlive = true,
	ratePerSecond,
	quietMs = 20000,
	drainMaxMs = 300000,
	idlePids = () => [],
	log = () => {},
}) {
	const prefix = `/${tag}`;
	const before = capture.at(prefix).length;
	const example = customer();
	const bodies = (i) => JSON.stringify({ ...example, BurstID: `${runId}-${i}` });
	/** @type {any[][]} */
	const attempts = Array.from({ length: count }, () => []);
	/** @type {Promise<void>[]} */
	const retries = [];
	/** @type {Promise<void> | null} */
	let midwayPromise = null;
	let midwayInfo = null;
	const agent = keepAlive ? keepAliveAgent() : oneShotAgent();
	const epoch = (r) => performance.timeOrigin + r.startedAt;
	const load = loadLine();
	log(`${count} deliveries at concurrency ${concurrency} to ${target}${midwayNote} (${load})`);
	const t0 = Date.now();

	const onResult = (i, r, completed) => {
		attempts[i].push({ ...r, attempt: 1 });
		if (retry && retryable(r, { retryConnectionErrors })) {
			retries.push(
				new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS)).then(async () => {
					const again = await post(agent, url, bodies(i), { timeoutMs: DEALPOS_TIMEOUT_MS });
					attempts[i].push({ ...again, attempt: 2 });
				}),
			);
		}
		if (midway && !midwayPromise && completed >= Math.floor(count * midwayAt)) {
			log(`${completed} of ${count} first attempts finished: midway action`);
			midwayPromise = Promise.resolve(midway(completed)).then((info) => {
				midwayInfo = info;
			});
		}
	};
	const run = await deliver({ count, concurrency, agent, urlFor: () => url, bodyFor: bodies, timeoutMs: DEALPOS_TIMEOUT_MS, onResult, ratePerSecond });
	const answeredAt = Date.now();
	log(`first attempts done in ${ms(run.wallMs)}; ${retries.length} retries scheduled`);
	if (midwayPromise) await midwayPromise;
	await Promise.all(retries);
	const retriesDoneAt = Date.now();
	agent.destroy();

	// Drain: until every BurstID has an execution, or nothing new arrived for quietMs (and the
	// n8n processes are idle), at most drainMaxMs.
	const ids = new Set(Array.from({ length: count }, (_, i) => `${runId}-${i}`));
	const mine = () => capture.at(prefix).slice(before).filter((r) => r.body && ids.has(r.body.BurstID));
	let lastCount = -1;
	let lastChange = Date.now();
	for (;;) {
		const got = mine();
		const distinct = new Set(got.map((r) => r.body.BurstID)).size;
		if (got.length !== lastCount) {
			lastCount = got.length;
			lastChange = Date.now();
		}
		if (distinct >= count) {
			// All there; a short settle to catch duplicates still on their way.
			await new Promise((r) => setTimeout(r, 3000));
			break;
		}
		if (Date.now() - lastChange > quietMs) {
			const pids = idlePids();
			if (!pids.length || (await waitIdle(pids, { maxMs: 5000 })) < 5000) break;
		}
		if (Date.now() - retriesDoneAt > drainMaxMs) {
			log(`drain: gave up after ${drainMaxMs / 1000} s`);
			break;
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	const records = mine();
	const report = summarizeBurst({ count, concurrency, runId, attempts, run, records, t0, answeredAt, midwayInfo, retryConnectionErrors, epoch });
	report.client = `${keepAlive ? 'keep-alive connections' : 'a new connection per delivery'}, ${ratePerSecond ? `open loop at ${ratePerSecond}/s` : 'closed loop'}, 30 s timeout, ${retry ? `DealPOS retry emulated (connection errors ${retryConnectionErrors ? 'retried' : 'not retried'})` : 'no retries'}`;
	report.retryEmulated = retry;
	report.timeline = timeline(attempts, t0, epoch);
	report.load = { before: load, after: loadLine() };
	return report;
}

/** First attempts per 5 s window since the first send: how many 2xx and how many failed. */
function timeline(attempts, t0, epoch) {
	const slots = [];
	for (const a of attempts) {
		const r = a[0];
		if (!r) continue;
		const k = Math.floor((epoch(r) + r.ms - t0) / 5000);
		slots[k] = slots[k] || { ok: 0, failed: 0 };
		slots[k][is2xx(r) ? 'ok' : 'failed']++;
	}
	return Array.from(slots, (s, k) => `${k * 5}s:${s ? `${s.ok}/${s.failed}` : '0/0'}`).join(' ');
}

function summarizeBurst({ count, concurrency, runId, attempts, run, records, t0, answeredAt, midwayInfo, retryConnectionErrors, epoch }) {
	const byId = new Map();
	for (const r of records) {
		const list = byId.get(r.body.BurstID) || [];
		list.push(r);
		byId.set(r.body.BurstID, list);
	}
	const first = attempts.map((a) => a[0]);
	const kinds = (list) => {
		const out = {};
		for (const r of list) if (!is2xx(r)) out[kindOf(r)] = (out[kindOf(r)] || 0) + 1;
		return out;
	};
	const outcome = { firstTime: 0, recovered: 0, failedNotRetried: 0, failedAfterRetry: 0, lost: 0, duplicated: 0, ackedButNoExecution: 0, executedWithoutAck: 0 };
	const e2e = [];
	for (let i = 0; i < count; i++) {
		const a = attempts[i];
		const executions = byId.get(`${runId}-${i}`) || [];
		const acked = a.some(is2xx);
		if (is2xx(a[0])) outcome.firstTime++;
		else if (a[1] && is2xx(a[1])) outcome.recovered++;
		else if (a[1]) outcome.failedAfterRetry++;
		else outcome.failedNotRetried++;
		if (executions.length === 0) outcome.lost++;
		if (executions.length > 1) outcome.duplicated++;
		if (acked && executions.length === 0) outcome.ackedButNoExecution++;
		if (!acked && executions.length > 0) outcome.executedWithoutAck++;
		if (executions.length) e2e.push(Math.min(...executions.map((r) => r.at)) - epoch(a[0]));
	}
	const keys = new Set(records.map((r) => r.body.dealpos && r.body.dealpos.deliveryKey));
	const lastExecution = records.length ? Math.max(...records.map((r) => r.at)) : NaN;
	const okFirst = first.filter(is2xx);
	return {
		count,
		concurrency,
		sent: count,
		firstAttempt2xx: okFirst.length,
		within30s: okFirst.filter((r) => r.ms <= DEALPOS_TIMEOUT_MS).length,
		firstAttemptFailures: kinds(first),
		retries: attempts.filter((a) => a.length > 1).length,
		retries2xx: attempts.filter((a) => a[1] && is2xx(a[1])).length,
		retryFailures: kinds(attempts.filter((a) => a[1]).map((a) => a[1])),
		executions: records.length,
		distinctIds: byId.size,
		distinctDeliveryKeys: keys.size,
		duplicateExecutions: records.length - byId.size,
		missing: count - byId.size,
		outcome,
		answer: latency(okFirst.map((r) => r.ms)),
		acceptedPerSecond: (okFirst.length / run.wallMs) * 1000,
		answerWallMs: run.wallMs,
		e2e: latency(e2e),
		executedPerSecond: Number.isFinite(lastExecution) ? (byId.size / (lastExecution - t0)) * 1000 : NaN,
		lastExecutionAfterStartMs: lastExecution - t0,
		drainAfterLastAnswerMs: lastExecution - answeredAt,
		midway: midwayInfo,
		retryConnectionErrors,
	};
}

/** Prints a report of runBurst. */
function printBurst(title, r) {
	const lines = [
		`${title}`,
		`  client: ${r.client}`,
		`  sent ${r.sent} at concurrency ${r.concurrency}; first attempt 2xx ${r.firstAttempt2xx} (all within 30 s: ${r.within30s === r.firstAttempt2xx ? 'yes' : 'NO'}), failures ${JSON.stringify(r.firstAttemptFailures)}`,
		`  answers: ${r.acceptedPerSecond.toFixed(1)} deliveries/s answered 2xx (first attempts took ${ms(r.answerWallMs)}), 2xx latency p50 ${ms(r.answer.p50)}, p99 ${ms(r.answer.p99)}, max ${ms(r.answer.max)}`,
		`  executions: ${r.executions} (distinct BurstIDs ${r.distinctIds}, distinct deliveryKeys ${r.distinctDeliveryKeys}), duplicates ${r.duplicateExecutions}, missing ${r.missing}`,
		`  executed: ${r.executedPerSecond.toFixed(1)}/s (last execution ${ms(r.lastExecutionAfterStartMs)} after the first send, ${ms(r.drainAfterLastAnswerMs)} after the last answer); send -> execution p50 ${ms(r.e2e.p50)}, p99 ${ms(r.e2e.p99)}, max ${ms(r.e2e.max)}`,
	];
	if (r.retryEmulated) {
		const o = r.outcome;
		lines.push(
			`  DealPOS retry emulation (one retry after 7 s on 5xx/408/429/30 s timeout; connection errors ${r.retryConnectionErrors ? 'RETRIED' : 'NOT retried'}): ${r.retries} retries, ${r.retries2xx} answered 2xx, retry failures ${JSON.stringify(r.retryFailures)}`,
			`  per delivery: delivered first time ${o.firstTime}, recovered by the retry ${o.recovered}, failed and not retried ${o.failedNotRetried}, failed after the retry ${o.failedAfterRetry}`,
			`  per delivery, executions: lost (no execution) ${o.lost}, duplicated (>1 execution) ${o.duplicated}, 2xx but no execution ${o.ackedButNoExecution}, executed although DealPOS saw no 2xx ${o.executedWithoutAck}`,
		);
	}
	if (r.n8nLog) lines.push(`  n8n log: ${Object.keys(r.n8nLog).length ? JSON.stringify(r.n8nLog) : 'no error lines of the known kinds'}`);
	if (r.midway) {
		lines.push(`  restart: ${JSON.stringify(r.midway)}`);
		lines.push(`  first attempts finished per 5 s since the first send (2xx/failed): ${r.timeline}`);
	}
	console.log(lines.join('\n'));
}

/** The burst workflow: DealPOS Trigger (Customer Created) -> HTTP Request to the capture server. */
function burstWorkflow(captureUrl, tag = 'burst') {
	return captureWorkflow({ tag, captureUrl, category: 'customer', events: ['created'] });
}

/**
 * Single-process burst: starts n8n, runs the burst (optionally restarting n8n midway), stops n8n.
 * Resolves the report. Used by dev/load/burst.js and by dev/load/queue-mode.js for its baseline.
 */
/**
 * @param {{ runtime: import('./provision').Runtime, tgz: string, count: number, concurrency: number, restart?: boolean,
 *   retry?: boolean, retryConnectionErrors?: boolean, keepAlive?: boolean, ratePerSecond?: number,
 *   n8nEnv?: Record<string, string> }} options
 */
async function singleProcessBurst({ runtime, tgz, count, concurrency, restart = false, retry = false, retryConnectionErrors = false, keepAlive = true, ratePerSecond, n8nEnv = {} }) {
	customer(); // load the catalog now, not after n8n started
	const capture = await startCapture();
	const workflow = burstWorkflow(capture.url);
	const trigger = workflow.nodes[0];
	/** @type {any} */
	let inst;
	let failed = true;
	try {
		inst = await startSingle({
			runtime,
			tgz,
			workflows: [workflow],
			label: 'burst',
			extraEnv: n8nEnv,
			readyUrls: (base) => [readyUrl(base, trigger)],
		});
		const report = await runBurst({
			url: eventUrl(inst.base, trigger, 'created'),
			midwayNote: restart ? ', restart midway' : '',
			capture,
			count,
			concurrency,
			retry,
			retryConnectionErrors,
			keepAlive,
			ratePerSecond,
			idlePids: () => (inst.n8n ? [inst.n8n.child.pid] : []),
			log: (m) => log(`burst: ${m}`),
			midway: restart
				? async (completed) => {
						log('burst: SIGTERM to n8n');
						const info = await inst.restart({
							onExited: (exitMs) => log(`burst: n8n exited ${(exitMs / 1000).toFixed(1)} s after SIGTERM; starting it again`),
						});
						log(`burst: n8n answers again ${(info.readyMs / 1000).toFixed(1)} s after SIGTERM`);
						return { sigtermAfterFirstAttempts: completed, exitAfterSigtermMs: info.exitMs, readyAfterSigtermMs: info.readyMs, exit: info.exit };
					}
				: undefined,
		});
		report.n8nLog = logCounts(inst.n8n ? inst.n8n.logFile : `${inst.userFolder}/n8n.log`);
		failed = false;
		return report;
	} finally {
		if (inst) await inst.close({ failed });
		await capture.close();
	}
}

module.exports = { burstWorkflow, singleProcessBurst, runBurst, printBurst, retryable, RETRY_DELAY_MS, DEALPOS_TIMEOUT_MS };
