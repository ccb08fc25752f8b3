import type { INodeProperties } from 'n8n-workflow';

import { collection } from './common';
import { invoiceFields, invoiceOperations } from './invoice';
import {
	customerFields,
	customerOperations,
	inventoryFields,
	inventoryOperations,
	loyaltyFields,
	loyaltyOperations,
	outletFields,
	outletOperations,
	paymentFields,
	paymentOperations,
	returnFields,
	returnOperations,
	writeOffFields,
	writeOffOperations,
} from './others';

/** Default of Max Rate Limit Wait: one whole DealPOS window (180 s) and a margin. */
export const DEFAULT_MAX_WAIT_SECONDS = 240;

export const PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Customer', value: 'customer' },
			{ name: 'Inventory', value: 'inventory' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Loyalty Point', value: 'loyalty' },
			{ name: 'Outlet', value: 'outlet' },
			{ name: 'Payment', value: 'payment' },
			{ name: 'Return', value: 'return' },
			{ name: 'Write-Off', value: 'writeOff' },
		],
		default: 'invoice',
	},
	invoiceOperations,
	returnOperations,
	customerOperations,
	paymentOperations,
	writeOffOperations,
	loyaltyOperations,
	outletOperations,
	inventoryOperations,
	...invoiceFields,
	...returnFields,
	...customerFields,
	...paymentFields,
	...writeOffFields,
	...loyaltyFields,
	...outletFields,
	...inventoryFields,
	collection(
		undefined,
		[
			{
				displayName: 'Max Rate Limit Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_WAIT_SECONDS,
				description:
					'DealPOS allows 50 requests per 180 s for the whole shop. When they are used up the node waits for the next window, at most this long in total, then fails.',
			},
		],
		{ displayName: 'Options', name: 'options', placeholder: 'Add Option' },
	),
];
