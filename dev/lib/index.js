// @ts-check
'use strict';
// The one module the harness and the unit tests share: everything outside dev/lib that needs
// shared code requires this file (`require('../lib')`, `from '../dev/lib'`), never a script or a
// test file. Each export comes from one module of this folder (named beside it below); the REST
// stand-in (dev/stand-in) and dealpos-send's events.json renderer (dev/dealpos-send, a package of
// its own) live in their own folders and are re-exported here. Loading it needs no dependency:
// `npm test` and `npm run n8n` load it before they install anything.

/** @typedef {import('../stand-in/dealpos-api').StandIn} StandIn */
/** @typedef {import('../stand-in/dealpos-api').StandInOptions} StandInOptions */
/** @typedef {import('../stand-in/dealpos-api').LogEntry} LogEntry */

const apiDemo = require('./api-demo');

module.exports = {
	// Every tool: logger(tag) and log (`[n8n] ...` on stderr), waitUntil, parseCli (node:util parseArgs).
	...require('./util'),
	// The repository: ROOT, readRepoFile, readRepoJson, docsCatalog, generatedExamples.
	...require('./repo'),
	// Installing the dev dependencies (npm ci) on first use.
	...require('./deps'),
	// A real n8n: provisioning from the npm registry (provision), one instance (n8n: pack, install,
	// import, start, stop), single-instance runs (instance), Redis/PostgreSQL (services),
	// nginx, the capture server, the control node of the benchmarks.
	...require('./provision'),
	...require('./n8n'),
	...require('./instance'),
	...require('./services'),
	...require('./nginx'),
	...require('./capture'),
	...require('./control-node'),
	// Workflows: the building blocks (workflows), the demo, the loyalty examples, the payment-to-invoice
	// demo (its Data table as INVOICE_TABLE), the benchmarks' workflows.
	...require('./workflows'),
	...require('./demo'),
	...require('./loyalty'),
	paymentToInvoiceWorkflow: apiDemo.paymentToInvoiceWorkflow,
	apiCredential: apiDemo.apiCredential,
	INVOICE_TABLE: apiDemo.TABLE,
	INVOICE_COLUMNS: apiDemo.INVOICE_COLUMNS,
	API_CREDENTIAL_ID: apiDemo.API_CREDENTIAL_ID,
	// The catch-up example (webhook and catch-up triggers meeting in a Data table).
	...require('./catch-up-demo'),
	...require('./bench-workflows'),
	// Load: deliveries and their figures (load), bursts (burst), payloads, measure; generated bodies
	// and the coercion check of the property tests and the soak run.
	...require('./load'),
	...require('./burst'),
	...require('./payloads'),
	...require('./measure'),
	...require('./bodies'),
	...require('./coercion'),
	// Generators: the catalog import's decisions, the item types, the README's operations table.
	catalogImport: require('./catalog-import'),
	typesRender: require('./types-render'),
	...require('./operations-table'),
	renderSendEvents: require('../dealpos-send/events').render,
	// The stand-in of DealPOS's REST API, and of its webhook sender.
	...require('../stand-in/dealpos-api'),
	...require('../stand-in/sender'),
};
