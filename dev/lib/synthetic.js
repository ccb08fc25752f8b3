// @ts-check
'use strict';
// Synthetic example bodies for events DealPOS documents without an example: built from the
// event's documented (or borrowed) fields only, never with a field the catalog does not name.
// Values are realistic for a small Indonesian shop and carry DealPOS's wire quirks: timestamps
// in local time without offset (and with DealPOS's varying precision), "Yes"/"No" flags, a money
// amount sent as a string. Deterministic: the same fields always give the same body, so the
// generated catalog is stable and the trigger can recognise these bodies (dealpos.syntheticExample).
const { createHash } = require('node:crypto');

/** A stable UUID-shaped id derived from a seed text. */
function uuidFor(seed) {
	const h = createHash('sha256').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Realistic strings by field name (last path segment). */
const STRINGS = {
	Name: 'Kopi Susu Gula Aren 250 ml',
	FirstName: 'Budi',
	LastName: 'Santoso',
	Title: 'Mr',
	Email: 'budi.santoso@example.com',
	Phone: '0215551234',
	Mobile: '081234567890',
	Address: 'Jl. Kemang Raya No. 12',
	City: 'Jakarta',
	Outlet: 'Outlet 1',
	Destination: 'Outlet 2',
	Number: '2026.01.0001',
	LastNumber: '2026.01.0001',
	ReferenceNumber: 'PO-2026-0001',
	Code: '1011',
	MemberIdentification: '3174012345678901',
	Creator: 'Hendry',
	CreatorName: 'Hendry',
	ModifierName: 'Hendry',
	UserName: 'Hendry',
	Cashier: 'Hendry',
	PIC: 'Hendry',
	Register: 'Kasir 1',
	RegisterName: 'Kasir 1',
	Category: 'Minuman',
	Brand: 'Kopi Kita',
	BrandName: 'Kopi Kita',
	SupplierName: 'PT Sumber Kopi',
	Product: 'Kopi Susu Gula Aren',
	Variant: '250 ml',
	Description: 'Es kopi susu dengan gula aren',
	Method: 'Cash',
	Payment: 'Cash',
	Note: 'Sample note',
	ReceivedNote: 'Received in good condition',
	CouponNote: '',
	Coupon: '',
	Tag: 'Retail',
	TaxType: 'Exclusive',
	TaxCalculation: 'After Discount',
	Delivery: 'Unsent',
	Courier: 'JNE',
	SalesType: 'Retail',
	State: 'Completed',
	Type: 'Inventory',
	TypeLabel: 'Inventory',
	Gender: 'Male',
	ImageURL: 'https://example.com/images/kopi-susu.jpg',
	ThumbnailURL: 'https://example.com/images/kopi-susu-thumb.jpg',
	ExtraImageURL: 'https://example.com/images/kopi-susu-2.jpg',
	Tags: 'Promo',
};

/** `Name` of a party, by the object it sits in or else the event's category. */
const PARTY_NAMES = {
	Customer: 'Budi Santoso',
	customer: 'Budi Santoso',
	Supplier: 'PT Sumber Kopi',
	supplier: 'PT Sumber Kopi',
	'bill-payment': 'PT Sumber Kopi',
};

/** Realistic numbers by field name. */
const NUMBERS = {
	Quantity: 2,
	Qty: 2,
	UnitPrice: 25000,
	Price: 25000,
	OrderPrice: 18000,
	UnitCost: 15000,
	Cost: 15000,
	Weight: 0.3,
	Gross: 50000,
	Sales: 50000,
	SalesNTax: 55000,
	SalesNSurcharge: 50000,
	Tax: 5000,
	TaxRate: 10,
	Discount: 0,
	Discount1: 0,
	Discount2: 0,
	DiscountAmount: 0,
	DiscountTotal: 0,
	Surcharge: 0,
	ExtraCost: 0,
	PointUsed: 0,
	PointsEarned: 5,
	Gender: 0,
	Visitor: 12,
	Visitors: 12,
	TotalInvoice: 12,
	Invoice_Count: 12,
	InvoiceDateTypeID: 1,
	ARAmount: 0,
	ARTransaction: 0,
	TaxExempt: 0,
	Taxable: 50000,
};

/** Money fields sent as a string, as DealPOS's own examples sometimes do. */
const AS_STRING = new Set(['Amount']);

/** Timestamps in DealPOS's local time, without offset, with the precisions DealPOS uses. */
const TIMESTAMPS = {
	Date: '2026-01-15T10:30:00',
	Created: '2026-01-15T10:30:12.6691072',
	Modified: '2026-01-15T10:31:05.33',
	Open: '2026-01-15T08:00:00',
	Start: '2026-01-15T08:00:00',
	Close: '2026-01-15T21:05:00.283',
	End: '2026-01-15T21:05:00.283',
	ReceivedDate: '2026-01-16T09:00:00',
	Birthdate: '1990-05-17T00:00:00',
	// .NET DateTime.MinValue: DealPOS's "no date".
	DueDate: '0001-01-01T00:00:00',
	expiredAt: '2026-12-31T23:59:59',
};

function scalar(field, key, seed) {
	const segments = field.path.split('.');
	const name = segments[segments.length - 1].replace(/\[\]$/, '');
	if (name === 'Name') {
		const party = PARTY_NAMES[(segments[segments.length - 2] ?? '').replace(/\[\]$/, '')] ?? (segments.length === 1 ? PARTY_NAMES[key.slice(0, key.indexOf('.'))] : undefined);
		if (party) return party;
	}
	if (field.enum && field.enum.length) return field.enum[0];
	if (field.format === 'yes-no') return 'No';
	if (field.format === 'date') return '2026-01-15';
	if (field.format === 'date-time') return TIMESTAMPS[name] ?? '2026-01-15T10:30:00';
	if (field.format === 'uuid' || (field.type === 'string' && /ID$/.test(name))) return uuidFor(`${key}/${seed}/${name}`);
	switch (field.type) {
		case 'number':
		case 'integer': {
			if (AS_STRING.has(name)) return '157500.50';
			const value = NUMBERS[name] ?? 1;
			return field.type === 'integer' ? Math.round(value) : value;
		}
		case 'boolean':
			return false;
		default: {
			if (name === 'Amount') return '157500.50';
			const text = STRINGS[name] ?? `Sample ${name}`;
			return text === '' && field.nonEmpty ? `Sample ${name}` : text;
		}
	}
}

/**
 * A body with every field of `fields` (paths like `Variants[].Quantity`) filled: arrays of
 * documented items get two elements, arrays of scalars one, arrays and objects without
 * documented contents stay empty (nothing is invented inside them).
 */
function synthesize(key, fields) {
	const byParent = new Map();
	for (const field of fields) {
		const cut = field.path.lastIndexOf('.');
		const parent = cut < 0 ? '' : field.path.slice(0, cut);
		if (!byParent.has(parent)) byParent.set(parent, []);
		byParent.get(parent).push(field);
	}
	const build = (prefix, seed) => {
		const out = {};
		for (const field of byParent.get(prefix) ?? []) {
			const name = field.path.slice(prefix ? prefix.length + 1 : 0).replace(/\[\]$/, '');
			const itemPrefix = `${prefix ? `${prefix}.` : ''}${name}[]`;
			if (field.type === 'array') {
				if (byParent.has(itemPrefix)) out[name] = [build(itemPrefix, `${seed}/${name}0`), build(itemPrefix, `${seed}/${name}1`)];
				else if (field.itemsType) out[name] = [scalar({ path: field.path.replace(/\[\]$/, ''), type: field.itemsType }, key, seed)];
				else out[name] = [];
			} else if (field.type === 'object') {
				out[name] = build(field.path, `${seed}/${name}`);
			} else {
				out[name] = scalar(field, key, seed);
			}
		}
		return out;
	};
	return build('', key);
}

module.exports = { synthesize };
