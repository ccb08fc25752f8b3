'use strict';
// The demo workflow "DealPOS customer to CRM", written to examples/customer-to-crm.json by
// `node scripts/lib/demo.js`. Kept as code so the e2e tests can extend the same workflow.
const fs = require('node:fs');
const path = require('node:path');
const { triggerNode, webhookIdFor, SETTINGS } = require('./workflows');

/** Pinned sample output of the trigger: examples/samples/<event>.json (npm run samples). */
function samplePinData(eventKey) {
	const file = path.resolve(__dirname, '..', '..', 'examples', 'samples', `${eventKey}.json`);
	return { 'DealPOS Trigger': JSON.parse(fs.readFileSync(file, 'utf8')).map((json) => ({ json })) };
}

const TABLE = 'CRM contacts';

/** CRM contact field -> expression on the DealPOS Customer item, and its Data Table column type. */
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

function demoWorkflow() {
	const trigger = triggerNode({
		tag: 'demo-customer',
		category: 'customer',
		events: ['created', 'updated', 'deleted'],
	});
	trigger.position = [0, 0];
	const map = {
		id: webhookIdFor('demo-map'),
		name: 'Map to CRM contact',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [240, 0],
		parameters: {
			assignments: {
				assignments: CONTACT.map(([name, value, type]) => ({ id: webhookIdFor(`demo-${name}`), name, value, type })),
			},
			options: {},
		},
	};
	const ensure = {
		id: webhookIdFor('demo-ensure'),
		name: 'Ensure CRM table',
		type: 'n8n-nodes-base.dataTable',
		typeVersion: 1.1,
		position: [480, -100],
		parameters: {
			resource: 'table',
			operation: 'create',
			tableName: TABLE,
			columns: { column: CONTACT.map(([name, , type]) => ({ name, type })) },
			options: { createIfNotExists: true },
		},
	};
	const save = {
		id: webhookIdFor('demo-save'),
		name: 'Save contact',
		type: 'n8n-nodes-base.dataTable',
		typeVersion: 1.1,
		position: [720, -100],
		parameters: {
			resource: 'row',
			// Upsert on the DealPOS customer: Created adds the contact, Updated changes the same row,
			// Deleted marks it (deleted = true) so the CRM keeps its history.
			operation: 'upsert',
			dataTableId: { __rl: true, mode: 'name', value: TABLE },
			filters: {
				conditions: [{ keyName: KEY, condition: 'eq', keyValue: `={{ $('Map to CRM contact').item.json.${KEY} }}` }],
			},
			columns: {
				mappingMode: 'defineBelow',
				value: Object.fromEntries(CONTACT.map(([name]) => [name, `={{ $('Map to CRM contact').item.json.${name} }}`])),
				matchingColumns: [],
				schema: CONTACT.map(([name, , type]) => ({
					id: name,
					displayName: name,
					required: false,
					defaultMatch: false,
					display: true,
					type,
					canBeUsedToMatch: true,
				})),
			},
			options: {},
		},
	};
	const hubspot = {
		id: webhookIdFor('demo-hubspot'),
		name: 'HubSpot (add credentials, then enable)',
		type: 'n8n-nodes-base.hubspot',
		typeVersion: 2.1,
		position: [480, 120],
		disabled: true,
		parameters: {
			authentication: 'appToken',
			resource: 'contact',
			operation: 'upsert',
			email: '={{ $json.email }}',
			additionalFields: {
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
				phoneNumber: '={{ $json.phone }}',
				mobilePhoneNumber: '={{ $json.mobile }}',
				streetAddress: '={{ $json.address }}',
				city: '={{ $json.city }}',
				dateOfBirth: '={{ $json.birthDate }}',
			},
			options: {},
		},
	};
	return {
		id: 'dpDemoCustomerCrm',
		name: 'DealPOS customer to CRM',
		nodes: [trigger, map, ensure, save, hubspot],
		connections: {
			'DealPOS Trigger': { main: [[{ node: 'Map to CRM contact', type: 'main', index: 0 }]] },
			'Map to CRM contact': {
				main: [
					[
						{ node: 'Ensure CRM table', type: 'main', index: 0 },
						{ node: 'HubSpot (add credentials, then enable)', type: 'main', index: 0 },
					],
				],
			},
			'Ensure CRM table': { main: [[{ node: 'Save contact', type: 'main', index: 0 }]] },
		},
		settings: SETTINGS,
		active: true,
		// The documented example as sample output of the trigger, so the mapping can be edited
		// before DealPOS sends anything (n8n uses pinned data in the editor only, never in
		// production executions).
		pinData: samplePinData('customer.created'),
	};
}

module.exports = { demoWorkflow, samplePinData, TABLE, CONTACT, KEY };

if (require.main === module) {
	const file = path.resolve(__dirname, '..', '..', 'examples', 'customer-to-crm.json');
	fs.writeFileSync(file, `${JSON.stringify(demoWorkflow(), null, '\t')}\n`);
	process.stdout.write(`wrote ${file}\n`);
}
