// @ts-check
'use strict';
// The example workflow "DealPOS invoices and customers, nothing missed", written to
// examples/nothing-missed.json by `npm run generate` (dev/generate/examples.js). For each
// of Invoice Created and Customer Created: the DealPOS Trigger (webhook) and the DealPOS Catch-up
// Trigger (polling DealPOS's REST API) meet in the Data table that stores the records: "If Row
// Does Not Exist" on dealpos.recordKey lets a record on only if it is not stored yet, then an
// upsert on that key stores it (one row per invoice or customer even if both paths checked at
// the same instant). Not n8n's Remove Duplicates: its history is one database row per node that
// every execution reads, changes and writes back without a lock, so concurrent executions (a
// burst of deliveries) lose each other's records or fail (see docs/catch-up.md).
// The e2e suite (dev/e2e/suites/catchup.e2e.test.js) runs this same workflow.
const { triggerNode, node, ensureTable, upsertColumns, webhookIdFor, SETTINGS } = require('./workflows');
const { PACKAGE } = require('./n8n');
const { API_CREDENTIAL_ID } = require('./api-demo');

/** The column every table is keyed on: the record's identity, the same from both paths. */
const KEY = 'recordKey';

/** The two records that can be caught up: trigger category, catch-up record, table and columns. */
const CHAINS = [
	{
		kind: 'invoice',
		label: 'invoice',
		table: 'DealPOS invoices (nothing missed)',
		columns: [
			['recordKey', '={{ $json.dealpos.recordKey }}'],
			['invoiceId', '={{ $json.ID }}'],
			['number', '={{ $json.Number }}'],
			['outlet', '={{ $json.Outlet }}'],
			['date', '={{ $json.Date }}'],
			['source', '={{ $json.dealpos.mode }}'],
		],
	},
	{
		kind: 'customer',
		label: 'customer',
		table: 'DealPOS customers (nothing missed)',
		columns: [
			['recordKey', '={{ $json.dealpos.recordKey }}'],
			['code', '={{ $json.Code }}'],
			['name', '={{ $json.Name }}'],
			['email', '={{ $json.Email }}'],
			['mobile', '={{ $json.Mobile }}'],
			['source', '={{ $json.dealpos.mode }}'],
		],
	},
];

/** Every minute for the e2e suite; every 5 minutes in the example (1 request a poll when all is well). */
function pollTimes(everyMinute) {
	return { item: [everyMinute ? { mode: 'everyMinute' } : { mode: 'everyX', value: 5, unit: 'minutes' }] };
}

/**
 * The nodes and connections of one chain at row `y`: webhook and catch-up triggers -> the table
 * made sure of -> "Not stored yet" (If Row Does Not Exist on recordKey) -> upsert on recordKey.
 * @param {(typeof CHAINS)[number]} chain
 */
function chainOf(chain, y, { everyMinute, credentialName }) {
	const Label = chain.label[0].toUpperCase() + chain.label.slice(1);
	const names = {
		webhook: `${Label} Created (webhook)`,
		catchUp: `Missed ${chain.label}s (catch-up)`,
		ensure: `Ensure ${chain.label} table`,
		wait: `Wait for the ${chain.label} table`,
		notStored: `${Label} not stored yet`,
		save: `Save ${chain.label}`,
	};
	const table = { __rl: true, mode: 'name', value: chain.table };
	const byKey = { conditions: [{ keyName: KEY, keyValue: `={{ $json.dealpos.${KEY} }}` }] };
	const webhook = triggerNode({ tag: `nm-${chain.kind}`, category: chain.kind, events: ['created'] });
	Object.assign(webhook, { name: names.webhook, position: [0, y] });
	const catchUp = {
		id: webhookIdFor(`nm-${chain.kind.slice(0, 3)}-catch-up`),
		name: names.catchUp,
		type: `${PACKAGE}.dealPosCatchUpTrigger`,
		typeVersion: 1,
		position: [0, y + 192],
		parameters: { pollTimes: pollTimes(everyMinute), record: chain.kind, options: {} },
		credentials: { dealPosApi: { id: API_CREDENTIAL_ID, name: credentialName } },
	};
	// Once per execution; a creation that loses a race with another execution's goes on too.
	const ensure = {
		...ensureTable(`nm-${chain.kind.slice(0, 3)}-ensure`, names.ensure, [256, y - 32], chain.table, chain.columns.map(([name]) => ({ name }))),
		executeOnce: true,
		onError: 'continueRegularOutput',
	};
	// The table node outputs the table, not the records: the Merge passes on the records (input 1).
	const wait = node(`nm-${chain.kind.slice(0, 3)}-wait`, names.wait, 'n8n-nodes-base.merge', 3.2, [512, y + 96], { mode: 'chooseBranch' });
	const notStored = node(`nm-${chain.kind.slice(0, 3)}-not-stored`, names.notStored, 'n8n-nodes-base.dataTable', 1.1, [768, y + 96], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table,
		filters: byKey,
	});
	const save = node(`nm-${chain.kind.slice(0, 3)}-save`, names.save, 'n8n-nodes-base.dataTable', 1.1, [1024, y + 96], {
		operation: 'upsert',
		dataTableId: table,
		filters: byKey,
		columns: {
			...upsertColumns(
				chain.columns.map(([name, value]) => [name, value, 'string']),
				Object.fromEntries(chain.columns),
			),
			attemptToConvertTypes: false,
			convertFieldsToString: true,
		},
		options: {},
	});
	const to = (node, index = 0) => ({ node, type: 'main', index });
	const connections = {
		[names.webhook]: { main: [[to(names.ensure), to(names.wait)]] },
		[names.catchUp]: { main: [[to(names.ensure), to(names.wait)]] },
		[names.ensure]: { main: [[to(names.wait, 1)]] },
		[names.wait]: { main: [[to(names.notStored)]] },
		[names.notStored]: { main: [[to(names.save)]] },
	};
	return { nodes: [webhook, catchUp, ensure, wait, notStored, save], connections, names };
}

const NOTE = [
	'## DealPOS invoices and customers, nothing missed',
	'DealPOS retries a failed webhook delivery once, 7 s later, then drops it. While n8n is stopped, restarting or too slow, events are lost, unless something reads them back.',
	'',
	'- **Created (webhook)**: the DealPOS Trigger, as fast as DealPOS sends. Paste its Production URL into DealPOS.',
	"- **Missed (catch-up)**: the DealPOS Catch-up Trigger reads DealPOS's API every 5 minutes for the day's new invoices or customers (API credential needed).",
	'- **… not stored yet**: the Data table lets a record on only if no row has its `dealpos.recordKey` (the invoice ID, the customer Code), whichever path brought it first.',
	'- **Save …**: an upsert on the same key. Put your CRM or accounting node after it.',
	'',
	'Only new invoices and new customers can be caught up: updates and deletions are not in the API by day.',
].join('\n');

/**
 * @param {{ everyMinute?: boolean, id?: string, credentialName?: string }} [options]
 */
function nothingMissedWorkflow({ everyMinute = false, id = 'dpNothingMissed0', credentialName = 'DealPOS API' } = {}) {
	const chains = CHAINS.map((chain, i) => chainOf(chain, i * 448, { everyMinute, credentialName }));
	const note = {
		id: webhookIdFor('nm-note'),
		name: 'What this workflow does',
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: [-48, -352],
		parameters: { content: NOTE, height: 304, width: 1232 },
	};
	return {
		id,
		name: 'DealPOS invoices and customers, nothing missed',
		nodes: [...chains.flatMap((c) => c.nodes), note],
		connections: Object.assign({}, ...chains.map((c) => c.connections)),
		settings: SETTINGS,
		active: true,
	};
}

module.exports = {
	nothingMissedWorkflow,
	NOTHING_MISSED_CHAINS: CHAINS,
	/** @param {boolean} [everyMinute] Node names of each chain (by CHAINS' order). */
	nothingMissedNames: (everyMinute = false) => CHAINS.map((c, i) => chainOf(c, i, { everyMinute, credentialName: '' }).names),
};
