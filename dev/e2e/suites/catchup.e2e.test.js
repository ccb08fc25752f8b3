// @ts-check
'use strict';
// Nothing lost while n8n is down, in a real n8n: the example workflow examples/nothing-missed.json
// (polling every minute here), the DealPOS REST stand-in as the shop's API, and the stand-in's
// sender as DealPOS's webhook sender (30 s timeout; one retry 7 s later only on 5xx/408/429 or no
// answer; then dropped). Two runs on one n8n, 10 invoices and 10 new customers each:
// 1. n8n up all along: the webhook brings all 10, the catch-up polls double none;
// 2. n8n stopped after 6 were delivered, 4 created while it is down (their deliveries fail and are
//    dropped), n8n started again: within one poll interval the Data tables hold each of the 10
//    once, and the next poll adds nothing.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { after, before, describe, it } = require('node:test');

const lib = require('../../lib');
// The built package's catalog (dist/ exists once the suite's runner has built it).
const catalog = require(path.join(lib.ROOT, 'dist', 'nodes', 'DealPosTrigger', 'catalog'));
const windows = require(path.join(lib.ROOT, 'dist', 'nodes', 'DealPosCatchUp', 'windows'));

const { DEFAULT_VERSION, nothingMissedWorkflow, NOTHING_MISSED_CHAINS: CHAINS, nothingMissedNames: chainNames, apiCredential, startStandIn, NO_DATE, sendAsDealPos } = lib;

const N8N_VERSION = process.env.N8N_VERSION || DEFAULT_VERSION;
const SKIP =
	Number(N8N_VERSION.split('.')[0]) < 2 &&
	`n8n ${N8N_VERSION}: the example stores into Data tables it creates (Table > Create), a resource its Data table node does not have`;

/** One poll interval (the workflow polls every minute) plus the time an execution takes. */
const POLL_MS = 60_000;
const SLACK_MS = 20_000;
const TIMEZONE = lib.SETTINGS.timezone;

const ctx = {};

/** Today in the workflow's time zone, as the catch-up trigger reckons it (DealPOS dates records in the shop's day). */
const today = () => windows.today(new Date(), TIMEZONE);

/** A reader workflow: GET /webhook/<path> answers every row of `table` as { rows }. */
function readerWorkflow(kind, table) {
	const hook = {
		...lib.node(`nm-read-${kind}`, 'Read', 'n8n-nodes-base.webhook', 2, [0, 0], { httpMethod: 'GET', path: `nm-rows-${kind}`, responseMode: 'lastNode', options: {} }),
		webhookId: lib.webhookIdFor(`nm-read-hook-${kind}`),
	};
	const rows = {
		...lib.node(`nm-read-rows-${kind}`, 'Rows', 'n8n-nodes-base.dataTable', 1.1, [240, 0], {
			resource: 'row',
			operation: 'get',
			dataTableId: { __rl: true, mode: 'name', value: table },
			returnAll: true,
		}),
		alwaysOutputData: true,
	};
	const all = lib.node(`nm-read-all-${kind}`, 'All rows', 'n8n-nodes-base.aggregate', 1, [480, 0], {
		aggregate: 'aggregateAllItemData',
		destinationFieldName: 'rows',
		options: {},
	});
	return {
		id: lib.workflowIdFor(`nmread${kind}`),
		name: `e2e rows of ${table}`,
		nodes: [hook, rows, all],
		connections: lib.connect('Read', 'Rows', 'All rows'),
		settings: lib.SETTINGS,
		active: true,
	};
}

/** Every row of the kind's table (none while the table does not exist yet). */
async function rowsOf(kind) {
	const res = await fetch(`${ctx.base}/webhook/nm-rows-${kind}`);
	if (!res.ok) return [];
	const body = await res.json();
	return (Array.isArray(body.rows) ? body.rows : []).filter((row) => row && row.id !== undefined);
}

let serial = 0;
/** A new record of the shop (not yet in the stand-in's data: see createAndSend) and the webhook body DealPOS sends for it. */
function create(kind) {
	serial++;
	const day = today();
	const n = String(serial).padStart(4, '0');
	const example = catalog.findEvent(`${kind}.created`)?.example;
	if (kind === 'invoice') {
		const record = {
			...ctx.api.data.invoices[0],
			ID: `e2e00000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
			Number: `INV/E2E/${n}`,
			Date: `${day}T10:${n.slice(2)}:00`,
			Created: `${day}T10:${n.slice(2)}:00.1234567`,
			_cancelled: false,
		};
		return { id: record.ID, record, body: { ...example, ID: record.ID, Number: record.Number, Outlet: record.Outlet, Date: record.Date, Created: record.Created } };
	}
	const record = { Name: `E2E Customer ${n}`, Code: `E2E${n}`, Mobile: `+6281300${n}`, Email: `e2e${n}@example.com`, BirthDate: NO_DATE, JoinDate: `${day}T10:00:00`, ID: `e2ec0000-0000-4000-8000-${String(serial).padStart(12, '0')}` };
	return { id: record.Code, record, body: { ...example, Code: record.Code, Name: record.Name, Email: record.Email, Mobile: record.Mobile } };
}

/** The key column of a kind's rows, as the example stores it. */
const keyOf = (kind, row) => String(row[kind === 'invoice' ? 'invoiceId' : 'code']);

/**
 * Creates `count` records of each kind and has DealPOS send their Created events; resolves the
 * outcomes and `publish()`, which puts the records into the shop's API.
 *
 * `published: true` puts them there before the sends, as DealPOS does. `false` leaves that to the
 * caller, once the webhook's rows are stored: a poll that reads a record while its delivery's
 * execution still runs may store it first (`source: catch-up`, still one row), which would make
 * "brought by the webhook" a matter of timing (each catch-up trigger polls every minute, at a second
 * of its own, and a cold n8n may take seconds over 20 deliveries). Either way every catch-up poll
 * asserted on afterwards reads the records: it reads the whole day.
 * @param {number} count
 * @param {{ published: boolean }} options
 */
async function createAndSend(count, { published }) {
	const out = { invoice: [], customer: [] };
	const made = [];
	for (const kind of ['invoice', 'customer']) {
		for (let i = 0; i < count; i++) made.push({ kind, ...create(kind) });
	}
	const publish = () => {
		for (const { kind, record } of made) ctx.api.data[kind === 'invoice' ? 'invoices' : 'customers'].push(record);
	};
	if (published) publish();
	await Promise.all(
		made.map(({ kind, id, body }) => sendAsDealPos(lib.eventUrl(ctx.base, ctx.triggers[kind], 'created'), body).then((result) => out[kind].push({ id, ...result }))),
	);
	return { ...out, publish };
}

/**
 * Waits until the catch-up trigger of each kind has polled DealPOS after `since` (the stand-in logs
 * it). Up to two poll intervals: these checks are about what a poll adds, not about n8n keeping
 * its schedule to the second; one CI run on n8n 2.41.1 saw no poll of both within 80 s after a
 * restart (the error now lists the stand-in's requests, to tell a missed tick from a failed poll).
 */
async function nextPolls(since, timeoutMs = 2 * POLL_MS + SLACK_MS) {
	const polled = (re) => ctx.api.log.some((e) => e.at > since && re.test(e.path) && e.status === 200);
	await lib.waitUntil(() => polled(/\/Invoice\/MultipleOutlet/i) && polled(/\/Customer\/p/i), { timeoutMs, what: 'a poll of both catch-up triggers' }).catch((error) => {
		// What the stand-in saw meanwhile, to tell a poll that never came from one that failed.
		const seen = ctx.api.log.filter((e) => e.at > since - 70_000).map((e) => `${new Date(e.at).toISOString().slice(11, 19)} ${e.method ?? ''} ${e.path} ${e.status}`);
		throw new Error(`${error.message}; the stand-in's requests from 70 s before: ${seen.join(', ') || 'none'}`);
	});
	return Date.now();
}

/** Waits until both tables hold `count` rows (or the time is up); returns the rows. */
async function rowsWhen(count, timeoutMs) {
	let rows = { invoice: [], customer: [] };
	await lib
		.waitUntil(
			async () => {
				rows = { invoice: await rowsOf('invoice'), customer: await rowsOf('customer') };
				return rows.invoice.length >= count && rows.customer.length >= count;
			},
			{ timeoutMs, what: `${count} rows in each table` },
		)
		.catch(() => undefined);
	return rows;
}

/** Each id of `ids` is in `rows` exactly once. */
function assertEachOnce(kind, rows, ids) {
	for (const id of ids) {
		const found = rows.filter((row) => keyOf(kind, row) === id);
		assert.equal(found.length, 1, `${kind} ${id}: ${found.length} rows (${JSON.stringify(found)})`);
	}
}

describe('nothing lost while n8n is down (examples/nothing-missed.json)', { skip: SKIP }, () => {
	before(async () => {
		ctx.runtime = lib.ensureN8n();
		// The shop's API; its own October records are outside the days polled.
		ctx.api = await startStandIn();
		ctx.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-e2e-catchup-'));
		fs.mkdirSync(path.join(ctx.userFolder, 'files'));
		lib.installPackage(ctx.userFolder, lib.pack({ build: process.env.E2E_SKIP_BUILD !== '1' }));
		ctx.env = lib.environment(ctx.runtime, { userFolder: ctx.userFolder, port: await lib.freePort(), brokerPort: await lib.freePort() });
		ctx.base = `http://127.0.0.1:${ctx.env.N8N_PORT}`;
		const credential = apiCredential(ctx.api.url, ctx.api.clients[0]);
		const workflow = nothingMissedWorkflow({ everyMinute: true, id: 'dpE2eNothingMiss', credentialName: credential.name });
		const names = chainNames(true);
		ctx.triggers = Object.fromEntries(CHAINS.map((c, i) => [c.kind, workflow.nodes.find((n) => n.name === names[i].webhook)]));
		const readers = CHAINS.map((c) => readerWorkflow(c.kind, c.table));
		lib.importAndPublish(ctx.runtime, ctx.env, { workflows: [workflow, ...readers], credentials: [credential] });
		ctx.readyUrl = lib.readyUrl(ctx.base, ctx.triggers.invoice);
		ctx.n8n = await lib.start(ctx.runtime, ctx.env, { readyUrl: ctx.readyUrl });
	});

	after(async () => {
		if (ctx.n8n) await ctx.n8n.stop();
		if (ctx.api) await ctx.api.close();
		if (ctx.userFolder && process.env.E2E_KEEP !== '1') fs.rmSync(ctx.userFolder, { recursive: true, force: true });
	});

	it('n8n up all along: 10 invoices and 10 new customers, each once; the catch-up poll doubles none', async () => {
		const sent = await createAndSend(10, { published: false });
		for (const kind of ['invoice', 'customer']) {
			assert.deepEqual(sent[kind].filter((s) => !s.delivered), [], `every ${kind} delivery answered 2xx`);
		}
		const delivered = await rowsWhen(10, 30_000);
		assert.equal(delivered.invoice.length, 10, 'the webhook brought the 10 invoices');
		assert.equal(delivered.customer.length, 10, 'the webhook brought the 10 customers');
		sent.publish();
		// A poll of each catch-up trigger that started after the 10 existed reads them all.
		await nextPolls(Date.now());
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		const rows = { invoice: await rowsOf('invoice'), customer: await rowsOf('customer') };
		for (const kind of ['invoice', 'customer']) {
			assert.equal(rows[kind].length, 10, `${kind}s: still 10 rows after a poll`);
			assertEachOnce(kind, rows[kind], sent[kind].map((s) => s.id));
			assert.deepEqual([...new Set(rows[kind].map((r) => r.source))], ['production'], `${kind}s: all brought by the webhook`);
		}
	});

	it('n8n stopped after 6: the 4 created while it was down arrive within one poll interval, each once; the next poll adds nothing', async () => {
		const up = await createAndSend(6, { published: false });
		for (const kind of ['invoice', 'customer']) assert.equal(up[kind].filter((s) => s.delivered).length, 6, `6 ${kind}s delivered`);
		const stored = await rowsWhen(16, 30_000);
		assert.deepEqual([stored.invoice.length, stored.customer.length], [16, 16]);
		up.publish();

		await ctx.n8n.stop();
		ctx.n8n = null;
		const down = await createAndSend(4, { published: true });
		for (const kind of ['invoice', 'customer']) {
			for (const s of down[kind]) {
				assert.equal(s.delivered, false, `${kind} ${s.id} was not delivered while n8n was down`);
				assert.equal(s.attempts.length, 2, `${kind} ${s.id}: DealPOS tried twice, then dropped it`);
			}
		}

		const startedAt = Date.now();
		ctx.n8n = await lib.start(ctx.runtime, ctx.env, { readyUrl: ctx.readyUrl });
		const readyAt = Date.now();
		const rows = await rowsWhen(20, POLL_MS + SLACK_MS);
		const caughtUpMs = Date.now() - readyAt;
		process.stdout.write(`# n8n ready ${((readyAt - startedAt) / 1000).toFixed(1)} s after start; tables complete ${(caughtUpMs / 1000).toFixed(1)} s later\n`);
		for (const kind of ['invoice', 'customer']) {
			assert.equal(rows[kind].length, 20, `${kind}s: 20 rows within one poll interval of n8n being back`);
			assertEachOnce(kind, rows[kind], [...up[kind], ...down[kind]].map((s) => s.id));
			const sourceOf = (id) => rows[kind].find((row) => keyOf(kind, row) === id).source;
			assert.deepEqual(down[kind].map((s) => sourceOf(s.id)), ['catch-up', 'catch-up', 'catch-up', 'catch-up'], `${kind}s missed: caught up`);
			assert.deepEqual([...new Set(up[kind].map((s) => sourceOf(s.id)))], ['production'], `${kind}s delivered: by the webhook`);
		}

		await nextPolls(Date.now());
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		for (const kind of ['invoice', 'customer']) {
			assert.equal((await rowsOf(kind)).length, 20, `${kind}s: the next poll added nothing`);
		}
	});
});
