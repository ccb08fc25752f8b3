/**
 * How the DealPOS node types the records of DealPOS's REST API: each record kind as a catalog
 * event, so the trigger's normaliser (items/normalize.ts) applies the same rules to API records
 * as to webhook bodies. A field keeps the type it has in the webhook record of the same thing
 * (an invoice's Customer, a payment), so trigger items and node items agree.
 *
 * Field lists: what DealPOS's REST documentation gives (shared dealpos/rest-api.md), then the
 * webhook record's documented fields (`borrowedFrom`) for records whose REST shape was not
 * recovered in full. Nothing is required: the REST documentation marks nothing required.
 */
import type { DealPosEvent, DealPosField } from '../DealPosTrigger/catalog';
import { findEvent } from '../DealPosTrigger/catalog';

type Spec = [path: string, type: DealPosField['type'], format?: DealPosField['format']];

function fields(specs: Spec[]): DealPosField[] {
	return specs.map(([path, type, format]) => (format ? { path, type, format } : { path, type }));
}

/** The webhook event's fields (minus `except` and anything already listed), marked as borrowed. */
function borrowed(eventKey: string, listed: DealPosField[], except: RegExp[] = []): DealPosField[] {
	const event = findEvent(eventKey);
	if (!event) return [];
	const have = new Set(listed.map((f) => f.path));
	return event.fields
		.filter((f) => !have.has(f.path) && !except.some((re) => re.test(f.path)))
		.map((f) => {
			const copy: DealPosField = { ...f, borrowedFrom: f.borrowedFrom ?? eventKey };
			delete copy.required;
			delete copy.nonEmpty;
			return copy;
		});
}

function record(key: string, name: string, description: string, own: DealPosField[], more: DealPosField[] = []): DealPosEvent {
	return {
		key: `api.${key}`,
		category: 'api',
		slug: key,
		name,
		description,
		synchronous: false,
		documented: 'partial',
		fields: [...own, ...more],
	};
}

// Invoice lists (MultipleOutlet, WithVariant) document these fields; Detail has more, so the
// webhook invoice's fields follow. `Customer` is left untyped: the REST documentation does not
// say whether it is a name or an object.
const invoiceOwn = fields([
	['ID', 'string'],
	['Outlet', 'string'],
	['Number', 'string'],
	['Date', 'string', 'date-time'],
	['Due', 'string', 'date-time'],
	['Amount', 'number'],
	['Payment', 'string'],
	['Fulfillment', 'string'],
	['Created', 'string', 'date-time'],
	['Tag', 'string'],
	['Variants', 'array'],
	['Variants[].VariantID', 'string'],
	['Variants[].Name', 'string'],
	['Variants[].Code', 'string'],
	['Variants[].Quantity', 'number'],
	['Variants[].Cost', 'number'],
	['Variants[].Price', 'number'],
	['Variants[].Discount', 'number'],
	['Variants[].DiscountAmount', 'number'],
	['Variants[].Sales', 'number'],
	['Variants[].Tax', 'number'],
]);

export const INVOICE = record(
	'invoice',
	'Invoice',
	'A sales invoice',
	invoiceOwn,
	borrowed('invoice.created', invoiceOwn, [/^Customer(\.|$)/]),
);

const customerOwn = fields([
	['Name', 'string'],
	['Code', 'string'],
	['Mobile', 'string'],
	['Email', 'string'],
	['BirthDate', 'string', 'date-time'],
	['JoinDate', 'string', 'date-time'],
	['ID', 'string'],
]);

export const CUSTOMER = record('customer', 'Customer', 'A customer', customerOwn, borrowed('customer.created', customerOwn));

/** Payments: the inner fields of /Payment/Invoice are not documented; the webhook's Payment Created record types them. */
export const PAYMENT = record('payment', 'Payment', 'An invoice payment', [], borrowed('invoice-payment.created', []));

/** Write-offs: undocumented fields; typed like the webhook's Payment Writeoff record. */
export const WRITE_OFF = record('write-off', 'Write-Off', 'An invoice write-off', [], borrowed('invoice-payment.writeoff', []));

export const LOYALTY_ENTRY = record(
	'loyalty',
	'Loyalty Point Entry',
	'An entry of a customer loyalty point history',
	fields([
		['InvoiceID', 'string'],
		['Outlet', 'string'],
		['EntryDate', 'string', 'date-time'],
		['Action', 'string'],
		['Invoice', 'string'],
		['Earned', 'number'],
		['Balance', 'number'],
		['Remaining', 'number'],
		['ExpiryDate', 'string', 'date-time'],
		['Note', 'string'],
	]),
);

export const OUTLET = record(
	'outlet',
	'Outlet',
	'An outlet (store) of the shop',
	fields([
		['ID', 'string'],
		['Name', 'string'],
		['Code', 'string'],
		['Suspended', 'boolean'],
	]),
);

export const INVENTORY = record(
	'inventory',
	'Inventory Line',
	'Stock of a product variant',
	fields([
		['Category', 'string'],
		['Product', 'string'],
		['Variant', 'string'],
		['Code', 'string'],
		['I', 'object'],
	]),
);

/** `{ ID }` of Invoice: Get ID by Number. */
export const INVOICE_ID = record('invoice-id', 'Invoice ID', 'The ID of an invoice', fields([['ID', 'string']]));
