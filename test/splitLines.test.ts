// Split Line Items on large deliveries: cost linear in the body, nothing lost (the first item has
// everything), shape problems ('omitted') on the items only, never in the payload's problems.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { findEvent } from '../nodes/DealPosTrigger/catalog';
import type { DealPosEvent } from '../nodes/DealPosTrigger/catalog';
import {
	buildItems,
	type DeliveryContext,
	type OutputOptions,
} from '../nodes/DealPosTrigger/items';
import type { Problem } from '../nodes/DealPosTrigger/items/normalize';
// The benchmark's synthetic invoice (documented header and Payments[] names) and measurement.
import { invoiceDelivery, measure, SPLIT_OPTIONS, splitInvoice } from '../dev/lib';

const INVOICE = findEvent('invoice.created') as DealPosEvent;
const SPLIT = SPLIT_OPTIONS as OutputOptions;
const BIG = 3000;
/** Later items carry the invoice header, their line and metadata: a few KB, never the Payments. */
const LATER_ITEM_MAX = 8 * 1024;
const MB = 1024 * 1024;

function context(body: unknown, extra: Partial<DeliveryContext> = {}): DeliveryContext {
	return invoiceDelivery(body, extra) as DeliveryContext;
}

function meta(item: INodeExecutionData): IDataObject {
	return item.json.dealpos as IDataObject;
}

function problemsOf(item: INodeExecutionData): Problem[] {
	return meta(item).problems as Problem[];
}

function omitted(item: INodeExecutionData): Problem[] {
	return problemsOf(item).filter((p) => p.code === 'omitted');
}

/** JSON length of each item (one at a time: the old output did not fit in one string). */
function sizes(items: INodeExecutionData[]): number[] {
	return items.map((item) => JSON.stringify(item.json).length);
}

function sum(values: number[]): number {
	return values.reduce((a, b) => a + b, 0);
}

const PAYMENTS_OMITTED = (lines: number, payments: number, raw = false) =>
	`Payments (${payments} entries) is on the first item only (dealpos.line.index 0)${raw ? ', at top level and in dealpos.raw' : ''}: repeating it on ${lines} line items would exceed the split budget. Turn off Split Line Items to get one item with everything.`;

describe('Split Line Items: 3,000 Variants x 3,000 Payments', () => {
	let body: IDataObject;
	let bodySize: number;
	beforeAll(() => {
		// Warm up the code paths on a small invoice, then build the large body outside the timings.
		buildItems(splitInvoice(50, 50), INVOICE, context({}), SPLIT);
		body = splitInvoice(BIG, BIG);
		bodySize = JSON.stringify(body).length;
	});

	it('splits in under a second with under 100 MB of heap growth', () => {
		const ctx = context(body);
		// The split only: the body is built (and JSON-encoded) before.
		const { result, ms, allocated, retained } = measure(() =>
			buildItems(body, INVOICE, ctx, SPLIT),
		);
		expect(result.items).toHaveLength(BIG);
		expect(ms).toBeLessThan(1000);
		expect(allocated).toBeLessThan(100 * MB);
		expect(retained).toBeLessThan(100 * MB);
	}, 120_000);

	it('keeps the output JSON linear: everything on the first item, the invoice on every line', () => {
		const { items, problems } = buildItems(body, INVOICE, context(body), SPLIT);
		const itemSizes = sizes(items);
		// Bounded by the body plus a constant per line (the old output was 1.1 GB for a 0.8 MB body).
		expect(sum(itemSizes)).toBeLessThan(2 * bodySize + BIG * LATER_ITEM_MAX);
		expect(Math.max(...itemSizes.slice(1))).toBeLessThan(LATER_ITEM_MAX);

		expect(problems).toEqual([]);
		const [first, second] = items;
		expect(first.json.Payments).toEqual(body.Payments);
		expect(first.json.line).toEqual((body.Variants as IDataObject[])[0]);
		expect(problemsOf(first)).toEqual([]);
		expect(Object.keys(second.json)).not.toContain('Payments');
		expect(second.json).toMatchObject({
			ID: body.ID,
			Number: 'INV/2020/09/0001',
			Date: '2020-09-02T00:00:00.000+07:00',
			Customer: { Name: 'Mr John Doe', Code: '200535' },
			OutboundLogistics: [],
			line: (body.Variants as IDataObject[])[1],
		});
		expect(meta(second).line).toEqual({ field: 'Variants', index: 1, count: BIG });
		expect(problemsOf(second)).toEqual([
			{ path: 'Payments', code: 'omitted', message: PAYMENTS_OMITTED(BIG, BIG) },
		]);
		expect(items.slice(1).every((item) => omitted(item).length === 1)).toBe(true);
	}, 120_000);

	it('grows linearly: twice the lines and payments, about twice the output', () => {
		const output = (n: number) => {
			const half = splitInvoice(n, n);
			return sum(sizes(buildItems(half, INVOICE, context(half), SPLIT).items));
		};
		const small = output(BIG / 4);
		const large = output(BIG / 2);
		// Quadratic (every line cloning every payment) would be 4.
		expect(large / small).toBeLessThan(2.5);
	}, 120_000);

	it('bounds the dealpos.raw copies the same way (a payload field named line)', () => {
		const withLine: IDataObject = { ...body, line: 'mine' };
		const ctx = context(withLine);
		const { result, ms, allocated, retained } = measure(() =>
			buildItems(withLine, INVOICE, ctx, SPLIT),
		);
		const { items, problems } = result;
		expect(ms).toBeLessThan(1000);
		expect(allocated).toBeLessThan(100 * MB);
		expect(retained).toBeLessThan(100 * MB);
		expect(Math.max(...sizes(items.slice(1)))).toBeLessThan(LATER_ITEM_MAX);

		expect(problems).toEqual([]);
		const { Variants, ...parent } = withLine;
		expect(meta(items[0]).raw).toEqual({ ...parent, Variants: [(Variants as unknown[])[0]] });
		const rest = { ...parent };
		delete rest.Payments;
		expect(meta(items[2]).raw).toEqual({ ...rest, Variants: [(Variants as unknown[])[2]] });
		expect(Object.keys(items[2].json)).not.toContain('Payments');
		expect(problemsOf(items[2])).toEqual([
			{ path: 'Payments', code: 'omitted', message: PAYMENTS_OMITTED(BIG, BIG, true) },
		]);
	}, 120_000);

	it('keeps omitted fields out of the returned problems, and payload problems where they belong', () => {
		const bad = JSON.parse(JSON.stringify(body)) as IDataObject;
		bad.Gross = 'abc';
		(bad.Payments as IDataObject[])[5].Amount = 'x';
		const { items, problems } = buildItems(bad, INVOICE, context(bad), SPLIT);
		const message = '"abc" is not an integer; kept as received.';
		const gross: Problem = { path: 'Gross', code: 'unparsed', message };
		// What "Fail the Execution" sees: the payload's problems only.
		expect(problems.map((p) => p.path)).toEqual(['Gross', 'Payments[5].Amount']);
		expect(problems.some((p) => p.code === 'omitted')).toBe(false);
		expect(problemsOf(items[0])).toEqual(problems);
		// Payments[5] is on the first item only, so is its problem.
		expect(problemsOf(items[1])).toEqual([
			gross,
			{ path: 'Payments', code: 'omitted', message: PAYMENTS_OMITTED(BIG, BIG) },
		]);
	}, 120_000);
});

/** `path` is on the first item only: every later item lists it as omitted and stays small. */
function expectOnFirstItemOnly(items: INodeExecutionData[], path: string, message: string): void {
	expect(omitted(items[1])).toEqual([{ path, code: 'omitted', message }]);
	expect(Math.max(...sizes(items.slice(1)))).toBeLessThan(LATER_ITEM_MAX);
}

describe('Split Line Items: other heavy parents', () => {
	it('counts string lengths: a long Note is on the first item only', () => {
		const body: IDataObject = { ...splitInvoice(1000, 1), Note: 'n'.repeat(500_000) };
		const { items } = buildItems(body, INVOICE, context(body), SPLIT);
		expect(items[0].json.Note).toBe(body.Note);
		expect(Object.keys(items[1].json)).not.toContain('Note');
		expect(items[1].json.Payments).toEqual(body.Payments);
		expectOnFirstItemOnly(
			items,
			'Note',
			'Note (500000 characters) is on the first item only (dealpos.line.index 0): repeating it on 1000 line items would exceed the split budget. Turn off Split Line Items to get one item with everything.',
		);
	}, 120_000);

	it('bounds the request headers the same way', () => {
		const body = splitInvoice(BIG, 1);
		const headers: IDataObject = { 'content-type': 'application/json' };
		for (let i = 0; i < 200; i++) headers[`x-forwarded-${i}`] = 'h'.repeat(100);
		const { items } = buildItems(body, INVOICE, context(body, { headers }), {
			...SPLIT,
			includeHeaders: true,
		});
		expect(meta(items[0]).headers).toEqual(headers);
		expect(meta(items[0]).headers).not.toBe(headers);
		expect(Object.keys(meta(items[1]))).not.toContain('headers');
		expect(items[1].json.Payments).toEqual(body.Payments);
		expectOnFirstItemOnly(
			items,
			'dealpos.headers',
			'The request headers (dealpos.headers, 201 fields) are on the first item only (dealpos.line.index 0): repeating them on 3000 line items would exceed the split budget. Turn off Split Line Items to get one item with everything.',
		);
	}, 120_000);

	it('a parent with thousands of fields: a bounded number of omitted problems per item', () => {
		const body: IDataObject = { ID: 'x' };
		for (let i = 0; i < 3000; i++) body[`Field${i}`] = `value ${i} `.repeat(3);
		body.Lines = Array.from({ length: 1000 }, (_, i) => ({ n: i }));
		const { items, problems } = buildItems(body, undefined, context(body), SPLIT);
		expect(problems).toEqual([]);
		expect(Object.keys(items[0].json)).toHaveLength(3003);
		const later = omitted(items[1]);
		expect(later.length).toBeLessThanOrEqual(6);
		expect(later[later.length - 1]).toEqual({
			path: '',
			code: 'omitted',
			message: expect.stringMatching(
				/^\d+ more fields \(Field\d+, .*\) are on the first item only \(dealpos\.line\.index 0\)/,
			),
		});
		expect(Math.max(...sizes(items.slice(1)))).toBeLessThan(LATER_ITEM_MAX + 2048);
	}, 120_000);
});

describe('Split Line Items: small invoices as before', () => {
	const body = {
		ID: 'inv-1',
		Number: 'INV/1',
		Date: '2020-09-02T00:00:00',
		Customer: { Name: 'John', Code: 200535 },
		Gross: '45000',
		Void: 'No',
		Variants: [0, 1, 2].map((i) => ({ VariantID: `v${i}`, Quantity: '2', Price: '15000' })),
		Payments: [
			{ Method: 'Cash', Amount: 40000, Date: '2020-09-02' },
			{ Method: 'Card', Amount: 5000, Date: '2020-09-02' },
		],
	};
	const parent = {
		ID: 'inv-1',
		Number: 'INV/1',
		Date: '2020-09-02T00:00:00.000+07:00',
		Customer: { Name: 'John', Code: '200535' },
		Gross: 45000,
		Void: false,
		Payments: [
			{ Method: 'Cash', Amount: 40000, Date: '2020-09-02' },
			{ Method: 'Card', Amount: 5000, Date: '2020-09-02' },
		],
	};

	it('3 lines, 2 payments: every line item has the full parent', () => {
		const ctx = context(body);
		const { items, problems } = buildItems(body, INVOICE, ctx, SPLIT);
		expect(problems).toEqual([]);
		expect(items.map((item) => item.json)).toEqual(
			[0, 1, 2].map((index) => ({
				...parent,
				line: body.Variants[index],
				dealpos: {
					category: 'invoice',
					event: 'invoice.created',
					eventName: 'Invoice Created',
					receivedAt: '2020-09-02T06:52:18.330Z',
					mode: 'production',
					deliveryKey: expect.stringMatching(/^[0-9a-f]{32}$/),
					recordKey: 'invoice:inv-1',
					problems: [],
					line: { field: 'Variants', index, count: 3 },
				},
			})),
		);
		expect(items[1].json.Payments).not.toBe(items[2].json.Payments);
	});

	it('with headers and dealpos.raw: every line item has them in full', () => {
		const withLine = { ...body, line: 'mine' };
		const headers = { 'content-type': 'application/json', 'user-agent': 'DealPOS' };
		const { items } = buildItems(withLine, INVOICE, context(withLine, { headers }), {
			...SPLIT,
			includeHeaders: true,
		});
		const { Variants, ...rawParent } = withLine;
		items.forEach((item, index) => {
			expect(item.json).toMatchObject({ ...parent, line: Variants[index] });
			expect(meta(item).headers).toEqual(headers);
			expect(meta(item).raw).toEqual({ ...rawParent, Variants: [Variants[index]] });
			expect(problemsOf(item)).toEqual([]);
		});
		expect(meta(items[1]).headers).not.toBe(meta(items[2]).headers);
	});
});
