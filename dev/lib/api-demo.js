// @ts-check
'use strict';
// The second demo workflow, "DealPOS payment to invoice table": an Invoice Payment Created
// webhook (the DealPOS Trigger) carries only the payment and its InvoiceID; the DealPOS node gets
// the invoice by that ID from DealPOS's REST API and the Data table "DealPOS invoices" keeps it,
// typed (a number, dates). `npm run n8n` runs it against the local REST stand-in
// (dev/stand-in/dealpos-api.js); the e2e suite extends it. Written to
// examples/payment-to-invoice-table.json by `npm run generate` (dev/generate/examples.js).
const { triggerNode, node, ensureTable, upsertColumns, SETTINGS } = require('./workflows');
const { PACKAGE } = require('./n8n');

const TABLE = 'DealPOS invoices';
const API_CREDENTIAL_TYPE = 'dealPosApi';
const API_CREDENTIAL_ID = 'dpApiStandIn0001';

/** Invoice column -> expression on the DealPOS node's invoice item, and its Data table type. */
/** @type {import('./workflows').Column[]} */
const INVOICE_COLUMNS = [
	['invoiceId', '={{ $json.ID }}', 'string'],
	['number', '={{ $json.Number }}', 'string'],
	['outlet', '={{ $json.Outlet }}', 'string'],
	['date', '={{ $json.Date }}', 'date'],
	['due', '={{ $json.Due }}', 'date'],
	['amount', '={{ $json.Amount }}', 'number'],
	['paymentState', '={{ $json.Payment }}', 'string'],
	['lines', '={{ $json.Variants ? $json.Variants.length : 0 }}', 'number'],
	['paymentId', "={{ $('DealPOS Trigger').item.json.ID }}", 'string'],
];

/** The DealPOS API credential for a stand-in (or a shop) at `baseUrl`. */
function apiCredential(baseUrl, client) {
	return {
		id: API_CREDENTIAL_ID,
		name: 'DealPOS API (local stand-in)',
		type: API_CREDENTIAL_TYPE,
		data: { subdomain: baseUrl, clientId: client.id, clientSecret: client.secret, accessToken: '' },
	};
}

function paymentToInvoiceWorkflow({ tag = 'demo-payment', id = 'dpDemoPaymentInv' } = {}) {
	const trigger = triggerNode({ tag, category: 'invoice-payment', events: ['created'] });
	const getInvoice = {
		...node('pinv-get', 'Get invoice', `${PACKAGE}.dealPos`, 1, [240, 0], {
			resource: 'invoice',
			operation: 'get',
			findBy: 'id',
			invoiceId: '={{ $json.InvoiceID }}',
		}),
		credentials: { [API_CREDENTIAL_TYPE]: { id: API_CREDENTIAL_ID, name: 'DealPOS API (local stand-in)' } },
	};
	const ensure = ensureTable('pinv-ensure', 'Ensure invoice table', [480, 0], TABLE, INVOICE_COLUMNS.map(([name, , type]) => ({ name, type })));
	const value = Object.fromEntries(
		INVOICE_COLUMNS.map(([name, expression]) => [name, expression.replaceAll('$json', "$('Get invoice').item.json")]),
	);
	const save = node('pinv-save', 'Save invoice', 'n8n-nodes-base.dataTable', 1.1, [720, 0], {
		resource: 'row',
		operation: 'upsert',
		dataTableId: { __rl: true, mode: 'name', value: TABLE },
		filters: { conditions: [{ keyName: 'invoiceId', condition: 'eq', keyValue: "={{ $('Get invoice').item.json.ID }}" }] },
		columns: upsertColumns(INVOICE_COLUMNS, value, (type) => (type === 'date' ? 'dateTime' : type)),
		options: {},
	});
	return {
		id,
		name: 'DealPOS payment to invoice table',
		nodes: [trigger, getInvoice, ensure, save],
		connections: {
			'DealPOS Trigger': { main: [[{ node: 'Get invoice', type: 'main', index: 0 }]] },
			'Get invoice': { main: [[{ node: 'Ensure invoice table', type: 'main', index: 0 }]] },
			'Ensure invoice table': { main: [[{ node: 'Save invoice', type: 'main', index: 0 }]] },
		},
		settings: SETTINGS,
		active: true,
	};
}

module.exports = { paymentToInvoiceWorkflow, apiCredential, TABLE, INVOICE_COLUMNS, API_CREDENTIAL_ID };
