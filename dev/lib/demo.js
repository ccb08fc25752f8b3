// @ts-check
'use strict';
// The demo workflow "DealPOS customer to CRM", written to examples/customer-to-crm.json by
// `npm run generate` (dev/generate/examples.js). Kept as code so the e2e tests can extend the same workflow.
const fs = require('node:fs');
const path = require('node:path');
const { triggerNode, node, ensureTable, upsertColumns, webhookIdFor, SETTINGS } = require('./workflows');

/** Pinned sample output of the trigger: examples/samples/<event>.json (npm run samples). */
function samplePinData(eventKey) {
	const file = path.resolve(__dirname, '..', '..', 'examples', 'samples', `${eventKey}.json`);
	return { 'DealPOS Trigger': JSON.parse(fs.readFileSync(file, 'utf8')).map((json) => ({ json })) };
}

const TABLE = 'CRM contacts';

/** CRM contact field -> expression on the DealPOS Customer item, and its Data Table column type. */
/** @type {import('./workflows').Column[]} */
const CONTACT = [
	['email', '={{ $json.Email }}', 'string'],
	['firstName', '={{ $json.FirstName }}', 'string'],
	['lastName', '={{ $json.LastName }}', 'string'],
	['phone', '={{ $json.Phone }}', 'string'],
	['mobile', '={{ $json.Mobile }}', 'string'],
	['address', '={{ $json.Address }}', 'string'],
	['city', '={{ $json.City }}', 'string'],
	['birthDate', '={{ $json.Birthdate }}', 'string'],
	['dealposCode', '={{ $json.Code }}', 'string'],
	['dealposEvent', '={{ $json.dealpos.event }}', 'string'],
	['deleted', "={{ $json.dealpos.event === 'customer.deleted' }}", 'boolean'],
];

/** The contact's key: DealPOS's unique customer Code. An update or deletion changes its row. */
const KEY = 'dealposCode';

/** What the workflow does, on a sticky note above it. */
const NOTE = [
	'## DealPOS customer to CRM',
	'DealPOS **Customer Created / Updated / Deleted** → **Map to CRM contact** (Edit Fields) → **Save contact**: an upsert into the Data table **CRM contacts**, one row per DealPOS customer **Code**.',
	'',
	'- Created adds the row, Updated changes the same row, Deleted marks it (`deleted` = true) and keeps it.',
	'- **Ensure CRM table** creates the table on the first run; **Wait for the table** passes the contact on once it exists.',
	'- HubSpot: add your HubSpot credentials to the HubSpot node, then enable it.',
	'',
	'Paste the trigger\'s Production URLs (Webhook URLs) into DealPOS, then send a customer event.',
].join('\n');

/**
 * The workflow as n8n stores it once opened and saved in the editor (checked by the browser test,
 * dev/e2e/suites/browser.e2e.test.js): parameters at their default are left out (the editor drops them
 * when it saves), option fields in the order of the node's description, positions on the
 * editor's 16-pixel grid.
 */
function demoWorkflow() {
	const trigger = triggerNode({
		tag: 'demo-customer',
		category: 'customer',
		events: ['created', 'updated', 'deleted'],
	});
	// Customer is the default category: the editor saves the node without it, so the stored
	// workflow leaves it out too. The scripts still read it (eventUrl), so it stays, unlisted.
	trigger.parameters = { events: trigger.parameters.events, options: {} };
	Object.defineProperty(trigger.parameters, 'category', { value: 'customer', enumerable: false });
	trigger.position = [0, 0];
	const map = node('demo-map', 'Map to CRM contact', 'n8n-nodes-base.set', 3.4, [224, 0], {
		assignments: {
			assignments: CONTACT.map(([name, value, type]) => ({ id: webhookIdFor(`demo-${name}`), name, value, type })),
		},
		options: {},
	});
	// Column type string is the default: only the boolean column names its type.
	const ensure = ensureTable('demo-ensure', 'Ensure CRM table', [448, -96], TABLE, CONTACT.map(([name, , type]) => (type === 'string' ? { name } : { name, type })));
	// The table node outputs the table, not the contact: this Merge waits for both and passes on
	// the contact (input 1), so the next node reads the contact as $json.
	const wait = node('demo-wait', 'Wait for the table', 'n8n-nodes-base.merge', 3.2, [672, 0], { mode: 'chooseBranch' });
	const save = node('demo-save', 'Save contact', 'n8n-nodes-base.dataTable', 1.1, [896, 0], {
		// Upsert (resource Row is the default) on the DealPOS customer: Created adds the contact,
		// Updated changes the same row, Deleted marks it (deleted = true) so the CRM keeps its history.
		operation: 'upsert',
		dataTableId: { __rl: true, mode: 'name', value: TABLE },
		filters: { conditions: [{ keyName: KEY, keyValue: `={{ $json.${KEY} }}` }] },
		columns: {
			...upsertColumns(CONTACT, Object.fromEntries(CONTACT.map(([name]) => [name, `={{ $json.${name} }}`]))),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		options: {},
	});
	const hubspot = {
		...node('demo-hubspot', 'HubSpot (add credentials, then enable)', 'n8n-nodes-base.hubspot', 2.1, [448, 160], {
			// Resource Contact and operation Create or Update (upsert) are the defaults.
			authentication: 'appToken',
			email: '={{ $json.email }}',
			additionalFields: {
				city: '={{ $json.city }}',
				dateOfBirth: '={{ $json.birthDate }}',
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				mobilePhoneNumber: '={{ $json.mobile }}',
				phoneNumber: '={{ $json.phone }}',
				streetAddress: '={{ $json.address }}',
			},
			options: {},
		}),
		disabled: true,
	};
	const note = node('demo-note', 'What this workflow does', 'n8n-nodes-base.stickyNote', 1, [-48, -336], { content: NOTE, height: 208, width: 1040 });
	return {
		id: 'dpDemoCustomerCrm',
		name: 'DealPOS customer to CRM',
		nodes: [trigger, map, ensure, wait, save, hubspot, note],
		connections: {
			'DealPOS Trigger': { main: [[{ node: 'Map to CRM contact', type: 'main', index: 0 }]] },
			'Map to CRM contact': {
				main: [
					[
						{ node: 'Ensure CRM table', type: 'main', index: 0 },
						{ node: 'Wait for the table', type: 'main', index: 0 },
						{ node: 'HubSpot (add credentials, then enable)', type: 'main', index: 0 },
					],
				],
			},
			'Ensure CRM table': { main: [[{ node: 'Wait for the table', type: 'main', index: 1 }]] },
			'Wait for the table': { main: [[{ node: 'Save contact', type: 'main', index: 0 }]] },
		},
		// binaryMode: what the editor adds to the settings when it saves the workflow.
		settings: { ...SETTINGS, binaryMode: 'separate' },
		active: true,
		// The documented example as sample output of the trigger, so the mapping can be edited
		// before DealPOS sends anything (n8n uses pinned data in the editor only, never in
		// production executions).
		pinData: samplePinData('customer.created'),
	};
}

module.exports = { demoWorkflow, samplePinData, TABLE, CONTACT, KEY, NOTE };
