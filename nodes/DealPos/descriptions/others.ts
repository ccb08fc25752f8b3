import type { INodeProperties } from 'n8n-workflow';

import { collection, dateRange, findBy, getMany, getManyOnly, operationsOf, paging, requiredText, show, text } from './common';

export const returnOperations = getManyOnly('return', 'returns', 'List sales returns (returned invoices) of a date range');

export const returnFields: INodeProperties[] = [
	...dateRange('return', ['getAll'], 'returns'),
	...paging('return', 'getAll'),
];

export const customerOperations = operationsOf(
	'customer',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get a customer',
			description: 'Get one customer by ID, customer code, email address or mobile phone number',
		},
		getMany('customers', 'List customers, optionally by name, outlet or join date'),
	],
	'get',
);

export const customerFields: INodeProperties[] = [
	findBy(
		'customer',
		['get'],
		[
			{ name: 'Code', value: 'Code', description: 'The customer code (member number)' },
			{ name: 'Email', value: 'Email' },
			{ name: 'ID', value: 'ID' },
			{ name: 'Mobile Phone', value: 'MobilePhone' },
		],
		'Code',
	),
	requiredText('Value', 'value', show('customer', ['get']), {
		description: 'The ID, code, email address or mobile phone number to look for',
	}),
	...paging('customer', 'getAll'),
	collection(show('customer', ['getAll']), [
		{ ...text('Joined From', 'from', 'First join day of the customers to return'), type: 'dateTime' },
		{ ...text('Joined To', 'to', 'Last join day of the customers to return, included'), type: 'dateTime' },
		text('Name', 'name', 'Customers whose name contains this text'),
		text('Outlet', 'outlet', 'Customers of this outlet (name)'),
	]),
];

export const paymentOperations = operationsOf(
	'payment',
	[
		{
			name: 'Get for Invoice',
			value: 'getForInvoice',
			action: 'Get the payments of an invoice',
			description: 'Get the payments recorded against one invoice, by the invoice ID',
		},
		getMany('payments', 'List invoice payments of a date range, one item per payment with its outlet'),
	],
	'getAll',
);

export const paymentFields: INodeProperties[] = [
	requiredText('Invoice ID', 'invoiceId', show('payment', ['getForInvoice']), {
		description: 'The ID of the invoice whose payments to get',
	}),
	...dateRange('payment', ['getAll'], 'payments'),
	...paging('payment', 'getAll'),
];

export const writeOffOperations = getManyOnly('writeOff', 'write offs', 'List invoice write-offs (amounts written off instead of paid) of a date range');

export const writeOffFields: INodeProperties[] = [
	...dateRange('writeOff', ['getAll'], 'write-offs'),
	...paging('writeOff', 'getAll'),
	collection(show('writeOff', ['getAll']), [text('Outlet', 'outlet', "Write-offs of this outlet only: the outlet's name, or its ID")]),
];

export const loyaltyOperations = operationsOf(
	'loyalty',
	[
		{
			name: 'Get History',
			value: 'getHistory',
			action: 'Get the loyalty point history of a customer',
			description:
				"Get a customer's loyalty point entries (earned, redeemed, balance, expiry) by email address or mobile phone number",
		},
	],
	'getHistory',
);

export const loyaltyFields: INodeProperties[] = [
	findBy(
		'loyalty',
		['getHistory'],
		[
			{ name: 'Email', value: 'Email' },
			{ name: 'Mobile Phone', value: 'MobilePhone' },
		],
		'Email',
	),
	requiredText('Value', 'value', show('loyalty', ['getHistory']), {
		description: "The customer's email address or mobile phone number",
	}),
	...dateRange('loyalty', ['getHistory'], 'entries', false),
	...paging('loyalty', 'getHistory'),
];

export const outletOperations = getManyOnly('outlet', 'outlets', "List the shop's outlets (stores) with their ID, name, code and whether they are suspended");

export const outletFields: INodeProperties[] = [
	...paging('outlet', 'getAll'),
	collection(show('outlet', ['getAll']), [text('Name', 'name', 'Outlets whose name contains this text')]),
];

export const inventoryOperations = getManyOnly('inventory', 'inventory lines', 'List stock per product variant, optionally by outlets, category, minimum quantity, discontinued or tags');

export const inventoryFields: INodeProperties[] = [
	...paging('inventory', 'getAll'),
	collection(show('inventory', ['getAll']), [
		text('Category', 'category', 'Product category'),
		{
			displayName: 'Discontinued',
			name: 'discontinued',
			type: 'boolean',
			default: false,
			description: 'Whether to list discontinued variants (true) or the others (false)',
		},
		{
			displayName: 'Minimum Quantity',
			name: 'quantityFrom',
			type: 'number',
			default: 0,
			description: 'Variants with at least this quantity',
		},
		text('Outlets', 'outlets', 'Stock of these outlets (names, separated by commas). Empty: all outlets.'),
		text('Tags', 'tags', 'Product tags, separated by commas'),
	]),
];
