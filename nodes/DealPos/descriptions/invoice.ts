import type { INodeProperties } from 'n8n-workflow';

import { dateRange, operationsOf, paging, show } from './common';

export const invoiceOperations = operationsOf(
	'invoice',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get an invoice',
			description:
				'Get one sales invoice with its line items, by its ID (for example the InvoiceID of a payment) or by outlet and invoice number',
		},
		{
			name: 'Get ID by Number',
			value: 'getIdByNumber',
			action: 'Get an invoice ID by number',
			description: 'Get only the ID of the invoice with a given number at an outlet',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many invoices',
			description:
				'List sales invoices of a date range, optionally filtered by outlets, tags, payment state, delivery state and status',
		},
	],
	'get',
);

export const invoiceFields: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id', description: 'The invoice ID DealPOS gives (InvoiceID in payments)' },
			{ name: 'Outlet and Number', value: 'number', description: 'The outlet and the invoice number printed on the receipt' },
		],
		default: 'id',
		displayOptions: show('invoice', ['get']),
	},
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1a7a1ce0-0000-4000-8000-000000000001',
		description: 'The ID of the invoice, for example the InvoiceID of an Invoice Payment event',
		displayOptions: { show: { resource: ['invoice'], operation: ['get'], findBy: ['id'] } },
	},
	{
		displayName: 'Outlet',
		name: 'outlet',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jakarta Pusat',
		description: "The outlet's name, or its ID",
		displayOptions: {
			show: { resource: ['invoice'], operation: ['getIdByNumber'] },
		},
	},
	{
		displayName: 'Outlet',
		name: 'outlet',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jakarta Pusat',
		description: "The outlet's name, or its ID",
		displayOptions: { show: { resource: ['invoice'], operation: ['get'], findBy: ['number'] } },
	},
	{
		displayName: 'Invoice Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. INV/JKT/000123',
		displayOptions: { show: { resource: ['invoice'], operation: ['getIdByNumber'] } },
	},
	{
		displayName: 'Invoice Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. INV/JKT/000123',
		displayOptions: { show: { resource: ['invoice'], operation: ['get'], findBy: ['number'] } },
	},
	...dateRange('invoice', ['getAll'], 'invoices'),
	...paging('invoice', 'getAll'),
	{
		displayName: 'Include Line Items',
		name: 'includeLineItems',
		type: 'boolean',
		default: false,
		description: 'Whether to include each invoice\'s line items (Variants)',
		displayOptions: show('invoice', ['getAll']),
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show('invoice', ['getAll']),
		options: [
			{
				displayName: 'Delivery State',
				name: 'deliveryState',
				type: 'options',
				options: [
					{ name: 'Partial', value: 'Partial' },
					{ name: 'Returned', value: 'Returned' },
					{ name: 'Sent', value: 'Sent' },
					{ name: 'Unsent', value: 'Unsent' },
				],
				default: 'Sent',
			},
			{
				displayName: 'Outlets',
				name: 'outlets',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jakarta Pusat, Bandung',
				description: 'Outlet names, separated by commas. Empty: all outlets.',
			},
			{
				displayName: 'Payment State',
				name: 'paymentState',
				type: 'options',
				options: [
					{ name: 'Paid', value: 'Paid' },
					{ name: 'Partial', value: 'Partial' },
					{ name: 'Unpaid', value: 'Unpaid' },
				],
				default: 'Paid',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'Active' },
					{ name: 'Any', value: 'Any' },
					{ name: 'Cancelled', value: 'Cancelled' },
				],
				default: 'Active',
				description: 'Active invoices only (DealPOS\'s default), cancelled ones only, or both',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. Online, Reseller',
				description: 'Invoice tags, separated by commas',
			},
		],
	},
];
