import type { INodeProperties } from 'n8n-workflow';

import { SOURCES } from './sources';

export const PROPERTIES: INodeProperties[] = [
	{
		displayName:
			'Brings the records whose webhook delivery n8n missed (n8n stopped, restarted or too slow: DealPOS retries once, 7 s later, then drops it). Use it beside a DealPOS Trigger for the same event, both into a Data table check on dealpos.recordKey, as the example workflow "DealPOS invoices and customers, nothing missed" does.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Catch Up',
		name: 'record',
		type: 'options',
		noDataExpression: true,
		options: SOURCES.map((source) => ({
			name: source.value === 'invoice' ? 'New Invoices (Invoice Created)' : 'New Customers (Customer Created)',
			value: source.value,
			description: `The ${source.eventName} records of each day, from DealPOS's REST API`,
		})),
		default: 'invoice',
	},
	{
		displayName: "Only new invoices and new customers can be caught up: DealPOS's API lists records by day, not changes or deletions.",
		name: 'coverageNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Line Items',
				name: 'includeLineItems',
				type: 'boolean',
				default: false,
				description: "Whether to include each invoice's line items (Variants)",
				displayOptions: { show: { '/record': ['invoice'] } },
			},
			{
				displayName: 'Max Rate Limit Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'DealPOS allows 50 requests per 180 s for the whole shop. A poll waits for the next window at most this long, then stops and goes on at the next poll.',
			},
			{
				displayName: 'Max Requests per Poll',
				name: 'maxRequests',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 45 },
				default: 10,
				description:
					'After this many requests a poll starts no new window; the rest of a long outage is read at the next polls (each window of 7 days costs one request per 500 records)',
			},
			{
				displayName: 'Outlets',
				name: 'outlets',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jakarta Pusat, Bandung',
				description: 'Outlet names, separated by commas; empty for all outlets',
				displayOptions: { show: { '/record': ['invoice'] } },
			},
			{
				displayName: 'Overlap (Days)',
				name: 'overlapDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'How many days before the last one read each poll reads again, for records that reach DealPOS late (an offline register syncing after midnight). At least 1. Records this node already emitted are not emitted again.',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'The first day the first poll reads (later polls go on from where it stopped). Empty: the overlap days before today.',
			},
		],
	},
];
