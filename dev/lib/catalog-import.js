// @ts-check
'use strict';
// Imports the DealPOS documentation catalog (the project's shared catalog.json, read from the
// DealPOS developer docs; vendored as test/fixtures/dealpos-docs-catalog.json) into the package's
// event catalog, nodes/DealPosTrigger/catalog/events.generated.ts.
//
// events.generated.ts is the one source of truth at run time: the node's dropdowns, URLs, validation, types,
// fixtures and the README tables all come from it. This script only exists to (re)import the
// documentation facts with the project's decisions applied in one visible place (the tables
// below): stable keys and URL slugs, versions of one event merged, documentation bugs fixed.
//
// Run by dev/generate/import-catalog.js [path/to/catalog.json] (default: the vendored copy; a path
// given is copied over the vendored copy first); `npm run generate` runs it with the rest.
// test/catalog.test.ts checks that events.generated.ts is render() of the vendored copy.
const path = require('node:path');
const { synthesize } = require('./synthetic');

const ROOT = path.resolve(__dirname, '..', '..');
/** The vendored copy of the DealPOS documentation catalog (refresh it from the project's shared folder). */
const SRC = path.join(ROOT, 'test', 'fixtures', 'dealpos-docs-catalog.json');
const OUT = path.join(ROOT, 'nodes', 'DealPosTrigger', 'catalog', 'events.generated.ts');

/** Category name -> URL slug and the sentence shown in the node. */
const CATEGORIES = {
	Product: ['product', 'Products and their variants'],
	Invoice: ['invoice', 'Sales invoices (POS sales and back office)'],
	Customer: ['customer', 'Customer contacts'],
	Supplier: ['supplier', 'Supplier contacts'],
	Bill: ['bill', 'Supplier bills (no event documented yet: use a custom event)'],
	'Transfer Order': ['transfer-order', 'Stock transfers between outlets'],
	'Outbound Logistic': ['outbound-logistic', 'Deliveries sent to customers'],
	'Inbound Logistic': ['inbound-logistic', 'Goods received from suppliers'],
	Adjustment: ['adjustment', 'Inventory adjustments'],
	'Invoice Payment': ['invoice-payment', 'Payments against customer invoices'],
	'Invoice Write Off': ['invoice-write-off', 'Invoice write-offs (no event documented yet: use a custom event)'],
	'Supplier Bill Write Off': [
		'supplier-bill-write-off',
		'Supplier bill write-offs (no event documented yet: use a custom event)',
	],
	'Bill Payment': ['bill-payment', 'Payments of supplier bills'],
	Shift: ['shift', 'Cashier shifts'],
	Outlet: ['outlet', 'Outlets (no event documented yet: use a custom event)'],
	'Sales Order': ['sales-order', 'Sales orders'],
	'Loyalty Point': ['loyalty-point', 'External Loyalty App: DealPOS waits for the answer'],
	'Loyalty Provider': ['loyalty-provider', 'Promotion Coupon Provider: DealPOS waits for the answer'],
};

/** Where in DealPOS the URLs of a category are entered (default: Developer > Menu URL). */
const SETUP_PLACES = {
	'Loyalty Point': 'Setup > More Menu > Webhook Configuration > External Loyalty App',
	'Loyalty Provider': 'Developer > Promotion Coupon Provider',
};

/** "Category/Documented name" -> [URL slug, display name]. A documented event missing here fails the import. */
const EVENTS = {
	'Product/Product Created': ['created', 'Product Created'],
	'Product/Product Updated': ['updated', 'Product Updated'],
	'Product/Product Deleted': ['deleted', 'Product Deleted'],
	'Product/Product Variant Created': ['variant-created', 'Product Variant Created'],
	'Product/Product Variant Updated': ['variant-updated', 'Product Variant Updated'],
	'Invoice/Invoice Created': ['created', 'Invoice Created'],
	'Invoice/Invoice Deleted': ['deleted', 'Invoice Deleted'],
	'Invoice/Invoice Erased': ['erased', 'Invoice Erased'],
	'Customer/Customer Created': ['created', 'Customer Created'],
	'Customer/Customer Deleted': ['deleted', 'Customer Deleted'],
	'Customer/Customer Updated': ['updated', 'Customer Updated'],
	'Supplier/Supplier Created': ['created', 'Supplier Created'],
	'Supplier/Supplier Deleted': ['deleted', 'Supplier Deleted'],
	'Transfer Order/Transfer Order Created': ['created', 'Transfer Order Created'],
	'Transfer Order/Transfer Order Deleted': ['deleted', 'Transfer Order Deleted'],
	'Outbound Logistic/Outbound Logistic Complete': ['complete', 'Outbound Logistic Complete'],
	'Inbound Logistic/Inbound Logistic Complete': ['complete', 'Inbound Logistic Complete'],
	'Adjustment/Adjustment Created': ['created', 'Adjustment Created'],
	'Invoice Payment/Payment Created': ['created', 'Payment Created'],
	'Invoice Payment/Payment Deleted': ['deleted', 'Payment Deleted'],
	'Invoice Payment/Payment Updated': ['updated', 'Payment Updated'],
	'Invoice Payment/Payment Writeoff': ['writeoff', 'Payment Write-Off'],
	'Bill Payment/Supplier Bill Payment Created': ['created', 'Supplier Bill Payment Created'],
	'Bill Payment/Supplier Bill Payment Deleted': ['deleted', 'Supplier Bill Payment Deleted'],
	'Shift/Close Shift': ['closed', 'Shift Closed'],
	'Loyalty Point/Fetch Loyalty Points': ['fetch-points', 'Fetch Loyalty Points'],
	'Loyalty Point/Loyalty Point On Order Complete': ['order-complete', 'Order Complete'],
	'Loyalty Point/Validate Coupon (older Loyalty Point version)': ['validate-coupon', 'Validate Coupon (External Loyalty App)'],
	'Sales Order/Sales Order Created': ['created', 'Sales Order Created'],
	'Loyalty Provider/Validate Coupon': ['validate-coupon', 'Validate Coupon'],
};

/** Older documentation versions of an event: merged into the event named, not a second event. */
const OLDER_VERSIONS = {
	'Shift/Cashier Shift Closed (older doc version of Close Shift)': 'Shift/Close Shift',
};

/** Entries that are not events: the docs cut the name off. Never invented; users name them as custom events. */
const NOT_EVENTS = new Set([
	"Invoice/Invoice Re… (name cut off in the documentation index; perhaps 'Invoice Restored')",
]);

/**
 * The project's seed document (shared/dealpos/000_6d31878b53dbc47c.txt, DealPOS's webhook page with
 * the Customer events) documents Customer Deleted in full: the same 14 fields as Customer Created,
 * and an example. The crawled catalog lost all but FirstName; the seed wins.
 */
const SEED = {
	'Customer/Customer Deleted': {
		fieldsOf: 'Customer/Customer Created',
		example: {
			FirstName: 'John',
			LastName: 'Doe',
			Title: 'Mr',
			Birthdate: '2018-07-22T00:00:00',
			Phone: '56545654',
			Email: 'johndoe@gmail.com',
			Gender: 0,
			Outlet: 'Outlet 1',
			Name: 'Mr John Doe',
			Code: '1011',
			Address: 'JL. Muara Karang No.30',
			City: 'Jakarta',
			Mobile: '085212121212',
			MemberIdentification: '32412323214512',
		},
	},
};

/** Documentation pages the crawled catalog names wrongly (Customer Created pointed at the Deleted page). */
const DOC_URLS = {
	'Customer/Customer Created': 'https://developer.dealpos.com/webhook/webhook/customer/customercreated',
};

/**
 * Events whose body DealPOS did not document (or only in part) take the shape of a documented
 * sibling: DealPOS sends one body shape for the Created, Updated and Deleted events of a category.
 * Borrowed fields are typed like the sibling's but never required (no problem is raised from a
 * guess); each carries `borrowedFrom`, shown in the field reference.
 */
const SHAPE_FROM = {
	'product.updated': 'product.created',
	'product.deleted': 'product.created',
	'product.variant-created': 'product.variant-updated',
	'invoice.deleted': 'invoice.created',
	'invoice.erased': 'invoice.created',
	'supplier.deleted': 'supplier.created',
	'transfer-order.deleted': 'transfer-order.created',
	'invoice-payment.deleted': 'invoice-payment.created',
	'invoice-payment.updated': 'invoice-payment.created',
	'invoice-payment.writeoff': 'invoice-payment.created',
	'bill-payment.deleted': 'bill-payment.created',
};

/**
 * Arrays documented without an item schema whose items are records of another documented event:
 * an invoice's Payments are invoice payments, its OutboundLogistics outbound logistic records, a
 * product's Variants product variants. Applied before SHAPE_FROM, so siblings inherit them.
 */
const ITEMS_FROM = {
	'invoice.created/Payments': 'invoice-payment.created',
	'invoice.created/OutboundLogistics': 'outbound-logistic.complete',
	'product.created/Variants': 'product.variant-updated',
};

/** Date fields typed plain `string` in the docs whose examples are DealPOS timestamps. */
const DATE_FIELD_NAMES = new Set(['Date', 'DueDate', 'Created', 'Modified', 'Birthdate', 'Open', 'Close', 'Start', 'End', 'expiredAt']);

/** Fields the docs describe as a Yes/No word. */
const YES_NO_FIELD_NAMES = new Set(['Void']);

/** Documentation bug: an example wrapped in a stray single key. Returns the real body. */
function unwrapExample(example) {
	if (example && typeof example === 'object' && !Array.isArray(example)) {
		const keys = Object.keys(example);
		if (keys.length === 1 && /^example(-\d+)?$/.test(keys[0])) return example[keys[0]];
	}
	return example;
}

function field(f) {
	const last = f.path.split('.').pop().replace('[]', '');
	let format = f.format || undefined;
	if (format === 'guid') format = 'uuid';
	if (f.type === 'string' && !format && DATE_FIELD_NAMES.has(last)) format = 'date-time';
	if (f.type === 'string' && YES_NO_FIELD_NAMES.has(last)) format = 'yes-no';
	const out = { path: f.path, type: f.type === 'DateTime' ? 'string' : f.type };
	if (f.type === 'DateTime') format = 'date-time';
	if (format) out.format = format;
	if (f.required) out.required = true;
	if (f.nonEmpty) out.nonEmpty = true;
	if (f.itemsType) out.itemsType = f.itemsType;
	if (f.enum) out.enum = f.enum;
	return out;
}

function answers(e) {
	const out = [];
	if (e.responseExample) out.push({ label: 'Success', status: 200, body: e.responseExample });
	for (const [label, body] of Object.entries(e.responseExamples || {})) {
		const status = Number(label.split(' ')[0]) || 200;
		out.push({ label: label.replace(/^\d+\s*/, ''), status, body });
	}
	return out;
}

/** JSON with tabs, one documented field per line so the catalog reads as a table. */
function format(value, indent) {
	if (value && typeof value === 'object' && !Array.isArray(value) && 'path' in value && 'type' in value) {
		return JSON.stringify(value).replace(/,"/g, ', "').replace(/":/g, '": ');
	}
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const inner = indent + '\t';
		return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')},\n${indent}]`;
	}
	if (value && typeof value === 'object') {
		const inner = indent + '\t';
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (!entries.length) return '{}';
		return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')},\n${indent}}`;
	}
	return JSON.stringify(value);
}

/** Applies ITEMS_FROM, then SHAPE_FROM (see there). */
function borrowShapes(categories) {
	const byKey = new Map(categories.flatMap((c) => c.events.map((e) => [e.key, e])));
	const get = (key) => {
		const event = byKey.get(key);
		if (!event) throw new Error(`unknown event ${key} in a shape decision`);
		return event;
	};
	const borrowed = (field, from) => {
		const copy = { ...field };
		delete copy.required;
		delete copy.nonEmpty;
		copy.borrowedFrom = field.borrowedFrom || from;
		return copy;
	};
	for (const [target, from] of Object.entries(ITEMS_FROM)) {
		const [key, array] = target.split('/');
		const event = get(key);
		const at = event.fields.findIndex((f) => f.path === array && f.type === 'array' && !f.itemsType);
		if (at < 0) throw new Error(`${key} has no array ${array} without item schema`);
		if (event.fields.some((f) => f.path.startsWith(`${array}[]`))) throw new Error(`${key}.${array} already has items`);
		const items = get(from).fields.map((f) => borrowed({ ...f, path: `${array}[].${f.path}` }, from));
		event.fields.splice(at + 1, 0, ...items);
	}
	for (const [key, from] of Object.entries(SHAPE_FROM)) {
		const event = get(key);
		const own = new Set(event.fields.map((f) => f.path));
		const missing = get(from).fields.filter((f) => !own.has(f.path)).map((f) => borrowed(f, from));
		if (!missing.length) throw new Error(`${key} lacks nothing of ${from}: drop it from SHAPE_FROM`);
		event.fields.push(...missing);
	}
}

/** Events without a documented example get a synthetic one, marked `exampleSource: 'synthetic'`. */
function addSyntheticExamples(categories) {
	for (const category of categories) {
		for (const event of category.events) {
			if (event.example) {
				event.exampleSource = 'documented';
				continue;
			}
			if (!event.fields.length) continue;
			event.example = synthesize(event.key, event.fields);
			event.exampleSource = 'synthetic';
		}
	}
}

/** The text of events.generated.ts for the documentation catalog `docs`. */
function render(docs) {
	const categories = [];
	const olderByTarget = {};
	for (const cat of docs) {
		for (const e of cat.events) {
			const id = `${cat.category}/${e.name}`;
			if (OLDER_VERSIONS[id]) olderByTarget[OLDER_VERSIONS[id]] = e;
		}
	}
	for (const cat of docs) {
		const c = CATEGORIES[cat.category];
		if (!c) throw new Error(`unknown category ${cat.category}: add it to CATEGORIES`);
		const events = [];
		for (let e of cat.events) {
			const id = `${cat.category}/${e.name}`;
			if (OLDER_VERSIONS[id] || NOT_EVENTS.has(id)) continue;
			const m = EVENTS[id];
			if (!m) throw new Error(`unknown event ${id}: add it to EVENTS`);
			const older = olderByTarget[id];
			const seed = SEED[id];
			if (seed) {
				const [catName, evName] = seed.fieldsOf.split('/');
				const source = docs.find((x) => x.category === catName).events.find((x) => x.name === evName);
				e = { ...e, fields: source.fields, example: seed.example, complete: true };
			}
			let example = unwrapExample(e.example);
			const olderExample = older ? unwrapExample(older.example) : undefined;
			const ev = {
				key: `${c[0]}.${m[0]}`,
				category: c[0],
				slug: m[0],
				name: m[1],
				description: e.trigger,
				synchronous: Boolean(e.synchronous),
				documented: e.complete ? 'complete' : 'partial',
				docUrl: DOC_URLS[id] || e.docUrl || e.probableEventUrl || undefined,
				fields: (e.fields || []).map(field),
			};
			if (example) ev.example = example;
			else if (olderExample) {
				ev.example = olderExample;
				ev.exampleNote = 'From the older documentation version of this event (no Session object).';
			}
			if (older) ev.olderVersion = { name: older.name.replace(/\s*\(.*\)$/, ''), fields: (older.fields || []).map(field) };
			const a = answers(e);
			if (ev.synchronous) {
				ev.answers = a;
				if (e.responseFields) ev.answerFields = e.responseFields.map(field);
			}
			events.push(ev);
		}
		const entry = {
			slug: c[0],
			name: cat.category,
			description: c[1],
			setupPlace: SETUP_PLACES[cat.category] || 'Developer > Menu URL',
			events,
		};
		categories.push(entry);
	}
	borrowShapes(categories);
	addSyntheticExamples(categories);
	const body = format(categories, '');
	return `// Generated by dev/generate/import-catalog.js from the DealPOS documentation catalog\n// (test/fixtures/dealpos-docs-catalog.json): do not edit. Change the decisions in\n// dev/lib/catalog-import.js (keys, slugs, merges, borrowed shapes) and run \`npm run generate\`.\nimport type { DealPosCategory } from './types';\n\nexport const CATEGORIES: DealPosCategory[] = ${body};\n`;
}

module.exports = { render, SRC, OUT };
