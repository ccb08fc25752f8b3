import type { INodeProperties } from 'n8n-workflow';

import { choice, collection, dateRange, findBy, getMany, operationsOf, paging, requiredText, show, text } from './common';

export const invoiceOperations = operationsOf(
	'invoice',
	[
		{
			name: 'Get',
			value: 'get',
			action: 'Get an invoice',
			description:
				'Get one sales invoice by its ID (for example the InvoiceID of a payment) or by outlet and invoice number',
		},
		{
			name: 'Get ID by Number',
			value: 'getIdByNumber',
			action: 'Get an invoice ID by number',
			description: 'Get only the ID of the invoice with a given number at an outlet',
		},
		getMany('invoices', 'List sales invoices of a date range, optionally filtered by outlets, tags, payment state, delivery state and status'),
	],
	'get',
);

/** Shown for Get by outlet and number, and for Get ID by Number. */
const byNumber = [
	{ show: { resource: ['invoice'], operation: ['getIdByNumber'] } },
	{ show: { resource: ['invoice'], operation: ['get'], findBy: ['number'] } },
];

export const invoiceFields: INodeProperties[] = [
	findBy(
		'invoice',
		['get'],
		[
			{ name: 'ID', value: 'id', description: 'The invoice ID DealPOS gives (InvoiceID in payments)' },
			{ name: 'Outlet and Number', value: 'number', description: 'The outlet and the invoice number printed on the receipt' },
		],
		'id',
	),
	requiredText('Invoice ID', 'invoiceId', { show: { resource: ['invoice'], operation: ['get'], findBy: ['id'] } }, {
		placeholder: 'e.g. 1a7a1ce0-0000-4000-8000-000000000001',
		description: 'The ID of the invoice, for example the InvoiceID of an Invoice Payment event',
	}),
	...byNumber.map((displayOptions) =>
		requiredText('Outlet', 'outlet', displayOptions, { placeholder: 'e.g. Jakarta Pusat', description: "The outlet's name, or its ID" }),
	),
	...byNumber.map((displayOptions) => requiredText('Invoice Number', 'number', displayOptions, { placeholder: 'e.g. INV/JKT/000123' })),
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
	collection(show('invoice', ['getAll']), [
		choice('Delivery State', 'deliveryState', ['Partial', 'Returned', 'Sent', 'Unsent'], 'Sent'),
		text('Outlets', 'outlets', 'Outlet names, separated by commas. Empty: all outlets.', 'e.g. Jakarta Pusat, Bandung'),
		choice('Payment State', 'paymentState', ['Paid', 'Partial', 'Unpaid'], 'Paid'),
		choice('Status', 'status', ['Active', 'Any', 'Cancelled'], 'Active', 'Active invoices only (DealPOS\'s default), cancelled ones only, or both'),
		text('Tags', 'tags', 'Invoice tags, separated by commas', 'e.g. Online, Reseller'),
	]),
];
