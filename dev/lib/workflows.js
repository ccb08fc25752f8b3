// @ts-check
'use strict';
// Builders for the n8n workflow JSON the demo, the end-to-end tests and the benchmarks import.
// Fixed workflow ids and webhook ids, so URLs are known before n8n starts.
const { NODE_TYPE } = require('./n8n');

/**
 * @typedef {{ id: string, name: string, type: string, typeVersion: number, position: number[],
 *   parameters: Record<string, any>, webhookId?: string,
 *   credentials?: Record<string, { id: string, name: string }> }} WorkflowNode
 * @typedef {{ id: string, name: string, nodes: WorkflowNode[], connections: Record<string, any>,
 *   settings: Record<string, unknown>, active: boolean, pinData?: Record<string, unknown> }} Workflow
 * @typedef {{ tag: string, category: string, events?: string[], customEvents?: string,
 *   responseMode?: string, authentication?: string, credentialId?: string,
 *   options?: Record<string, unknown> }} TriggerSpec
 */

const SETTINGS = { executionOrder: 'v1', timezone: 'Asia/Jakarta' };

/** A UUID-shaped id derived from a short tag, stable across runs: `webhookIdFor('customer')`. @param {string} tag */
function webhookIdFor(tag) {
	const hex = Buffer.from(tag).toString('hex').padEnd(32, '0').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** n8n workflow ids are 16 alphanumerics. @param {string} tag */
function workflowIdFor(tag) {
	return `dp${tag.replace(/[^a-zA-Z0-9]/g, '')}`.padEnd(16, '0').slice(0, 16);
}

/** The DealPOS Trigger node of a workflow. @param {TriggerSpec} spec @returns {WorkflowNode} */
function triggerNode({ tag, category, events, customEvents, responseMode, authentication, credentialId, options }) {
	/** @type {WorkflowNode} */
	const node = {
		id: webhookIdFor(`node-${tag}`),
		name: 'DealPOS Trigger',
		type: NODE_TYPE,
		typeVersion: 2,
		position: [0, 0],
		webhookId: webhookIdFor(tag),
		parameters: { category, events },
	};
	if (customEvents) node.parameters.customEvents = customEvents;
	if (responseMode) node.parameters.responseMode = responseMode;
	if (authentication) node.parameters.authentication = authentication;
	if (options) node.parameters.options = options;
	if (credentialId) node.credentials = { dealPosWebhookAuthApi: { id: credentialId, name: `DealPOS ${credentialId}` } };
	return node;
}

/**
 * A node of a workflow, its id derived from `tag`, keys in the order n8n stores them.
 * @param {string} tag @param {string} name @param {string} type @param {number} typeVersion
 * @param {number[]} position @param {Record<string, any>} parameters
 * @returns {WorkflowNode}
 */
function node(tag, name, type, typeVersion, position, parameters) {
	return { id: webhookIdFor(tag), name, type, typeVersion, position, parameters };
}

/** A Data table column: its name, the expression that fills it, its type. @typedef {[string, string, string]} Column */

/**
 * A Data table node that creates `table` with `column` (as n8n's editor stores them) unless it exists.
 * @param {string} tag @param {string} name @param {number[]} position @param {string} table
 * @param {Array<{ name: string, type?: string }>} column
 */
function ensureTable(tag, name, position, table, column) {
	return node(tag, name, 'n8n-nodes-base.dataTable', 1.1, position, {
		resource: 'table',
		operation: 'create',
		tableName: table,
		columns: { column },
		options: { createIfNotExists: true },
	});
}

/**
 * The `columns` of a Data table upsert that writes `value` into `columns` ("Map Each Column
 * Below"), with the schema n8n's editor stores (`schemaType` names a column type as the schema does).
 * @param {Column[]} columns @param {Record<string, string>} value
 * @param {(type: string) => string} [schemaType]
 */
function upsertColumns(columns, value, schemaType = (type) => type) {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: columns.map(([name, , type]) => ({
			id: name,
			displayName: name,
			required: false,
			defaultMatch: false,
			display: true,
			type: schemaType(type),
			canBeUsedToMatch: true,
		})),
	};
}

/** HTTP Request node posting every item it receives, as JSON, to `url`. */
function captureNode(name, url, position = [300, 0]) {
	return {
		id: webhookIdFor(`capture-${name}-${url}`),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: {
			method: 'POST',
			url,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json) }}',
			options: {},
		},
	};
}

/**
 * The URL DealPOS posts an event to: `<base>/webhook/<id>/<category>/<event>`.
 * @param {string} base @param {WorkflowNode} trigger @param {string} event
 * @param {{ test?: boolean, category?: string }} [options]
 */
function eventUrl(base, trigger, event, { test = false, category = trigger.parameters.category } = {}) {
	return `${base}/${test ? 'webhook-test' : 'webhook'}/${trigger.webhookId}/${category}/${event}`;
}

/** The OAuth 2.0 token endpoint of a trigger. @param {string} base @param {WorkflowNode} trigger @param {{ test?: boolean }} [options] */
function tokenUrl(base, trigger, { test = false } = {}) {
	return `${base}/${test ? 'webhook-test' : 'webhook'}/${trigger.webhookId}/oauth/token`;
}

/**
 * A URL that answers something other than 404 once the trigger's workflow is registered: its token
 * endpoint, which every DealPOS Trigger (and the bench control) serves whatever it listens to.
 */
/** @param {string} base @param {WorkflowNode} trigger */
function readyUrl(base, trigger) {
	return tokenUrl(base, trigger);
}

/** Connections of a chain of nodes, by name. @param {string[]} names */
function connect(...names) {
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * DealPOS Trigger -> HTTP Request to the capture server at `${captureUrl}/${tag}`.
 * @param {TriggerSpec & { captureUrl: string }} spec
 * @returns {Workflow}
 */
function captureWorkflow({ tag, captureUrl, ...trigger }) {
	const capture = captureNode('Capture', `${captureUrl}/${tag}`);
	return {
		id: workflowIdFor(tag),
		name: `e2e ${tag}`,
		nodes: [triggerNode({ tag, ...trigger }), capture],
		connections: connect('DealPOS Trigger', 'Capture'),
		settings: SETTINGS,
		active: true,
	};
}

module.exports = { node, ensureTable, upsertColumns, eventUrl, tokenUrl, readyUrl, webhookIdFor, workflowIdFor, triggerNode, captureNode, captureWorkflow, connect, SETTINGS };
