import type { INodeProperties } from 'n8n-workflow';

import { dateRange, operationsOf, paging, show } from './common';

export const returnOperations = operationsOf(
	'return',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many returns',
			description: 'List sales returns (returned invoices) of a date range',
		},
	],
	'getAll',
);

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
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many customers',
			description: 'List customers, optionally by name, outlet or join date',
		},
	],
	'get',
);

export const customerFields: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Code', value: 'Code', description: 'The customer code (member number)' },
			{ name: 'Email', value: 'Email' },
			{ name: 'ID', value: 'ID' },
			{ name: 'Mobile Phone', value: 'MobilePhone' },
		],
		default: 'Code',
		displayOptions: show('customer', ['get']),
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID, code, email address or mobile phone number to look for',
		displayOptions: show('customer', ['get']),
	},
	...paging('customer', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('customer', ['getAll']),
		options: [
			{
				displayName: 'Joined From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'First join day of the customers to return',
			},
			{
				displayName: 'Joined To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Last join day of the customers to return, included',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Customers whose name contains this text',
			},
			{
				displayName: 'Outlet',
				name: 'outlet',
				type: 'string',
				default: '',
				description: 'Customers of this outlet (name)',
			},
		],
	},
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
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many payments',
			description: 'List invoice payments of a date range, one item per payment with its outlet',
		},
	],
	'getAll',
);

export const paymentFields: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID of the invoice whose payments to get',
		displayOptions: show('payment', ['getForInvoice']),
	},
	...dateRange('payment', ['getAll'], 'payments'),
	...paging('payment', 'getAll'),
];

export const writeOffOperations = operationsOf(
	'writeOff',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many write offs',
			description: 'List invoice write-offs (amounts written off instead of paid) of a date range',
		},
	],
	'getAll',
);

export const writeOffFields: INodeProperties[] = [
	...dateRange('writeOff', ['getAll'], 'write-offs'),
	...paging('writeOff', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('writeOff', ['getAll']),
		options: [
			{
				displayName: 'Outlet',
				name: 'outlet',
				type: 'string',
				default: '',
				description: "Write-offs of this outlet only: the outlet's name, or its ID",
			},
		],
	},
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
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'Email' },
			{ name: 'Mobile Phone', value: 'MobilePhone' },
		],
		default: 'Email',
		displayOptions: show('loyalty', ['getHistory']),
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		description: "The customer's email address or mobile phone number",
		displayOptions: show('loyalty', ['getHistory']),
	},
	...dateRange('loyalty', ['getHistory'], 'entries', false),
	...paging('loyalty', 'getHistory'),
];

export const outletOperations = operationsOf(
	'outlet',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many outlets',
			description: "List the shop's outlets (stores) with their ID, name, code and whether they are suspended",
		},
	],
	'getAll',
);

export const outletFields: INodeProperties[] = [
	...paging('outlet', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('outlet', ['getAll']),
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Outlets whose name contains this text',
			},
		],
	},
];

export const inventoryOperations = operationsOf(
	'inventory',
	[
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many inventory lines',
			description: 'List stock per product variant, optionally by outlets, category, minimum quantity, discontinued or tags',
		},
	],
	'getAll',
);

export const inventoryFields: INodeProperties[] = [
	...paging('inventory', 'getAll'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('inventory', ['getAll']),
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'string',
				default: '',
				description: 'Product category',
			},
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
			{
				displayName: 'Outlets',
				name: 'outlets',
				type: 'string',
				default: '',
				description: 'Stock of these outlets (names, separated by commas). Empty: all outlets.',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Product tags, separated by commas',
			},
		],
	},
];
