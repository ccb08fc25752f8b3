import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { CATEGORIES, findEvent } from '../nodes/DealPosTrigger/catalog';
import { describeFieldType, tsTypeOf } from '../nodes/DealPosTrigger/items/fieldTypes';
import {
	buildItems,
	deliveryKey,
	lineArrayField,
	type DeliveryContext,
	type OutputOptions,
} from '../nodes/DealPosTrigger/items';
import { documentedFields } from '../nodes/DealPosTrigger/items/normalize';
import type {
	CustomerCreatedItem,
	TransferOrderCreatedLineItem,
} from '../nodes/DealPosTrigger/items/types.generated';
import { readRepoFile, typesRender } from '../dev/lib';
import { event } from './helpers';

const { render } = typesRender;


const INVOICE = event('invoice.created');
const TRANSFER = event('transfer-order.created');
const CUSTOMER = event('customer.created');

const OPTIONS: OutputOptions = {
	output: 'normalised',
	timezone: 'Asia/Jakarta',
	splitLines: false,
	includeHeaders: false,
};
const SPLIT: OutputOptions = { ...OPTIONS, splitLines: true };

function context(
	eventKey: string,
	body: unknown,
	extra: Partial<DeliveryContext> = {},
): DeliveryContext {
	const documented = findEvent(eventKey);
	return {
		category: eventKey.split('.')[0],
		event: eventKey,
		eventName: documented?.name ?? 'Custom',
		receivedAt: '2020-09-02T06:52:18.330Z',
		mode: 'production',
		rawBody: JSON.stringify(body),
		...extra,
	};
}

function invoice(lines: number): IDataObject {
	return JSON.parse(
		JSON.stringify({
			ID: 'inv-1',
			Outlet: 'Outlet 1',
			Number: 'INV/1',
			Date: '2020-09-02T00:00:00',
			Customer: { Name: 'John', Code: 200535 },
			Gross: '45000',
			Void: 'No',
			// Synthetic lines: invoice line fields are not documented.
			Variants: Array.from({ length: lines }, (_, i) => ({
				VariantID: `v${i}`,
				Name: `Item ${i}`,
				Quantity: '2',
				Price: '15000',
			})),
			Payments: [{ Method: 'Cash', Amount: 45000 }],
		}),
	) as IDataObject;
}

describe('buildItems: one item per delivery', () => {
	it('puts the normalised fields at top level and one metadata key', () => {
		const body = CUSTOMER.example;
		const { items, problems } = buildItems(
			body,
			CUSTOMER,
			context('customer.created', body),
			OPTIONS,
		);
		expect(problems).toEqual([]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			...body,
			Birthdate: '2018-07-22T00:00:00.000+07:00',
			dealpos: {
				category: 'customer',
				event: 'customer.created',
				eventName: 'Customer Created',
				receivedAt: '2020-09-02T06:52:18.330Z',
				mode: 'production',
				deliveryKey: createHash('sha256')
					.update(`customer.created\n${JSON.stringify(body)}`)
					.digest('hex')
					.slice(0, 32),
				// The customer's identity (Code), the same from the catch-up trigger.
				recordKey: `customer:${String(body?.Code).toLowerCase()}`,
				problems: [],
			},
		});
		expect(Object.keys(items[0].json).pop()).toBe('dealpos');
	});

	it('typed with the generated interfaces', () => {
		const body = CUSTOMER.example;
		const item = buildItems(body, CUSTOMER, context('customer.created', body), OPTIONS).items[0]
			.json as unknown as CustomerCreatedItem;
		const birthdate: string | null = item.Birthdate;
		expect(birthdate).toBe('2018-07-22T00:00:00.000+07:00');
		expect(item.dealpos.event).toBe('customer.created');
	});

	it('delivery keys are stable for retries and differ by event and body', () => {
		const raw = '{"ID":"1"}';
		expect(deliveryKey('invoice.created', raw)).toBe(deliveryKey('invoice.created', raw));
		expect(deliveryKey('invoice.created', raw)).toMatch(/^[0-9a-f]{32}$/);
		expect(deliveryKey('invoice.created', raw)).not.toBe(deliveryKey('invoice.deleted', raw));
		expect(deliveryKey('invoice.created', raw)).not.toBe(
			deliveryKey('invoice.created', '{"ID":"2"}'),
		);
		const body = { ID: '1' };
		const first = buildItems(
			body,
			INVOICE,
			context('invoice.created', body, { receivedAt: 'a' }),
			OPTIONS,
		);
		const retry = buildItems(
			body,
			INVOICE,
			context('invoice.created', body, { receivedAt: 'b', mode: 'test' }),
			OPTIONS,
		);
		expect((first.items[0].json.dealpos as IDataObject).deliveryKey).toBe(
			(retry.items[0].json.dealpos as IDataObject).deliveryKey,
		);
	});

	it('lists problems in the metadata and returns them', () => {
		const body = { FirstName: '', Gender: 'x' };
		const { items, problems } = buildItems(
			body,
			CUSTOMER,
			context('customer.created', body),
			OPTIONS,
		);
		expect(problems.length).toBeGreaterThan(0);
		expect((items[0].json.dealpos as IDataObject).problems).toEqual(problems);
	});

	it('keeps a payload field named dealpos in dealpos.raw', () => {
		const body = { ID: '1', dealpos: { mine: true }, Date: '2020-09-02T00:00:00' };
		const { items } = buildItems(body, INVOICE, context('invoice.created', body), OPTIONS);
		const meta = items[0].json.dealpos as IDataObject;
		expect(meta.event).toBe('invoice.created');
		expect(meta.raw).toEqual(body);
		expect(meta.raw).not.toBe(body);
		expect(items[0].json.Date).toBe('2020-09-02T00:00:00.000+07:00');
		expect(
			buildItems({ ID: '1' }, INVOICE, context('invoice.created', {}), OPTIONS).items[0].json
				.dealpos,
		).not.toHaveProperty('raw');
	});

	it.each<[string, unknown]>([
		['an array', [{ a: 1 }, 2]],
		['a string', 'hello'],
		['null', null],
	])('a body that is %s is under "body"', (_label, body) => {
		const { items, problems } = buildItems(body, undefined, context('bill.created', body), OPTIONS);
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0].json)).toEqual(['body', 'dealpos']);
		expect(items[0].json.body).toEqual(body);
		expect(problems).toEqual([{ path: '', code: 'type', message: expect.any(String) }]);
	});

	it('includes headers only when asked, as given (a copy)', () => {
		// buildItems no longer redacts: the node passes headers already redacted by the auth module
		// (redactHeaders), and redaction is tested there (test/secrets.test.ts).
		const body = { ID: '1' };
		const headers = {
			'content-type': 'application/json',
			Authorization: '[redacted]',
			'x-request-id': 'req-1',
		};
		const ctx = context('invoice.created', body, { headers });
		expect(buildItems(body, INVOICE, ctx, OPTIONS).items[0].json.dealpos).not.toHaveProperty(
			'headers',
		);
		const meta = buildItems(body, INVOICE, ctx, { ...OPTIONS, includeHeaders: true }).items[0].json
			.dealpos as IDataObject;
		expect(meta.headers).toEqual(headers);
		expect(meta.headers).not.toBe(headers);
	});
});

describe('buildItems: raw output', () => {
	it('leaves the body untouched and still validates', () => {
		const body = invoice(2);
		body.Gross = 'abc';
		const before = JSON.stringify(body);
		const { items, problems } = buildItems(body, INVOICE, context('invoice.created', body), {
			...OPTIONS,
			output: 'raw',
		});
		const { dealpos, ...fields } = items[0].json;
		expect(fields).toEqual(body);
		expect(fields.Date).toBe('2020-09-02T00:00:00');
		expect(fields.Void).toBe('No');
		expect(JSON.stringify(body)).toBe(before);
		expect(problems).toEqual([
			{ path: 'Gross', code: 'unparsed', message: '"abc" is not an integer; kept as received.' },
		]);
		expect((dealpos as IDataObject).problems).toEqual(problems);
	});
});

describe('buildItems: split lines', () => {
	it('gives one item per invoice line, each with its line and its parent', () => {
		const body = invoice(3);
		const before = JSON.stringify(body);
		const { items } = buildItems(body, INVOICE, context('invoice.created', body), SPLIT);
		expect(items).toHaveLength(3);
		items.forEach((item, index) => {
			const { dealpos, ...fields } = item.json;
			expect(fields).toEqual({
				ID: 'inv-1',
				Outlet: 'Outlet 1',
				Number: 'INV/1',
				Date: '2020-09-02T00:00:00.000+07:00',
				Customer: { Name: 'John', Code: '200535' },
				Gross: 45000,
				Void: false,
				Payments: [{ Method: 'Cash', Amount: 45000 }],
				line: { VariantID: `v${index}`, Name: `Item ${index}`, Quantity: '2', Price: '15000' },
			});
			expect(dealpos).toMatchObject({
				event: 'invoice.created',
				problems: [],
				line: { field: 'Variants', index, count: 3 },
			});
		});
		expect(JSON.stringify(body)).toBe(before);
	});

	it('items do not share objects', () => {
		const body = invoice(2);
		const { items } = buildItems(body, INVOICE, context('invoice.created', body), SPLIT);
		(items[0].json.Customer as IDataObject).Name = 'changed';
		expect((items[1].json.Customer as IDataObject).Name).toBe('John');
		expect(items[0].json.dealpos).not.toBe(items[1].json.dealpos);
	});

	it('each line carries the problems outside the lines plus its own', () => {
		const line = {
			VariantID: 'a',
			Name: 'A',
			Code: 'A',
			Quantity: '1',
			Discount: 0,
			Cost: 1,
			Price: 2,
		};
		const body = {
			Outlet: 'O',
			Destination: 'D',
			Date: '2020-09-02T00:00:00',
			Number: 'TO-1',
			State: 'Done',
			Created: '2020-09-02T00:00:00',
			Variants: [
				line,
				{ ...line, Quantity: 'many' },
				line,
				{ ...line, Name: '' },
				line,
				line,
				line,
				line,
				line,
				line,
				line,
				{ ...line, Price: 'x' },
			],
		};
		const { items, problems } = buildItems(
			body,
			TRANSFER,
			context('transfer-order.created', body),
			SPLIT,
		);
		expect(items).toHaveLength(12);
		const paths = items.map((item) =>
			((item.json.dealpos as IDataObject).problems as Array<{ path: string }>).map((p) => p.path),
		);
		expect(paths[0]).toEqual(['CreatorID']);
		expect(paths[1]).toEqual(['CreatorID', 'Variants[1].Quantity']);
		expect(paths[3]).toEqual(['CreatorID', 'Variants[3].Name']);
		expect(paths[11]).toEqual(['CreatorID', 'Variants[11].Price']);
		expect(paths[2]).toEqual(['CreatorID']);
		expect(problems.map((p) => p.path)).toEqual([
			'CreatorID',
			'Variants[1].Quantity',
			'Variants[3].Name',
			'Variants[11].Price',
		]);
		const typed = items[1].json as unknown as TransferOrderCreatedLineItem;
		expect(typed.line.Quantity).toBe('many');
		expect(typed.dealpos.line.index).toBe(1);
	});

	it('an empty or missing line array gives one item with the whole record', () => {
		const body = invoice(0);
		const { items } = buildItems(body, INVOICE, context('invoice.created', body), SPLIT);
		expect(items).toHaveLength(1);
		expect(items[0].json.Variants).toEqual([]);
		expect(items[0].json).not.toHaveProperty('line');
		expect(items[0].json.dealpos).not.toHaveProperty('line');
		expect(
			buildItems(CUSTOMER.example, CUSTOMER, context('customer.created', {}), SPLIT).items,
		).toHaveLength(1);
	});

	it('does not split without the option', () => {
		const body = invoice(3);
		expect(buildItems(body, INVOICE, context('invoice.created', body), OPTIONS).items).toHaveLength(
			1,
		);
	});

	it('undocumented events split by shape: Variants first, else the first array of objects', () => {
		const body = { ID: 'x', Tags: ['a'], Lines: [{ n: 1 }, { n: 2 }], Variants: [{ v: 1 }] };
		const { items } = buildItems(body, undefined, context('bill.created', body), SPLIT);
		expect(items.map((item) => item.json.line)).toEqual([{ v: 1 }]);
		const other = { ID: 'x', Mixed: [{ n: 1 }, 2], Lines: [{ n: 1 }, { n: 2 }] };
		const split = buildItems(other, undefined, context('bill.created', other), SPLIT).items;
		expect(split.map((item) => item.json.line)).toEqual([{ n: 1 }, { n: 2 }]);
		expect(split[0].json.Mixed).toEqual([{ n: 1 }, 2]);
		expect((split[0].json.dealpos as IDataObject).line).toEqual({
			field: 'Lines',
			index: 0,
			count: 2,
		});
	});

	it('a payload field named line is kept in dealpos.raw when splitting', () => {
		const body = { line: 'mine', ID: 'x', Variants: [{ a: 1 }, { b: '2020-09-02T00:00:00' }] };
		const { items } = buildItems(body, undefined, context('bill.created', body), SPLIT);
		expect(items.map((item) => item.json.line)).toEqual([
			{ a: 1 },
			{ b: '2020-09-02T00:00:00.000+07:00' },
		]);
		expect(items.map((item) => (item.json.dealpos as IDataObject).raw)).toEqual([
			{ line: 'mine', ID: 'x', Variants: [{ a: 1 }] },
			{ line: 'mine', ID: 'x', Variants: [{ b: '2020-09-02T00:00:00' }] },
		]);
	});

	it('is linear in the number of lines', () => {
		const body = invoice(5000);
		const started = Date.now();
		const { items } = buildItems(body, INVOICE, context('invoice.created', body), SPLIT);
		// Generous bound (about 150 ms on a 2-core machine); a quadratic version took over a minute.
		expect(Date.now() - started).toBeLessThan(5000);
		expect(items).toHaveLength(5000);
		expect(items[4999].json.line).toEqual({
			VariantID: 'v4999',
			Name: 'Item 4999',
			Quantity: '2',
			Price: '15000',
		});
	});
});

describe('deliveryKey', () => {
	it('is the first 32 hex digits of SHA-256 of event, newline, raw body', () => {
		for (const raw of ['', '{"Code":"1011"}', '{"Name":"Ibu Sri Wahyuningsih 🌸","Note":"ß"}', 'x'.repeat(100000)]) {
			const expected = createHash('sha256').update(`invoice.created\n${raw}`, 'utf8').digest('hex').slice(0, 32);
			expect(deliveryKey('invoice.created', raw)).toBe(expected);
		}
	});
});

describe('line arrays of the catalog', () => {
	it('names the line array of each event that has one', () => {
		const lines: Record<string, string> = {};
		for (const category of CATEGORIES) {
			for (const documented of category.events) {
				const field = lineArrayField(documented);
				if (field !== undefined) lines[documented.key] = field;
			}
		}
		// Undocumented events borrow their sibling's shape (catalog: borrowedFrom), lines included.
		expect(lines).toEqual({
			'product.created': 'Variants',
			'product.updated': 'Variants',
			'product.deleted': 'Variants',
			'product.variant-created': 'Components',
			'product.variant-updated': 'Components',
			'invoice.created': 'Variants',
			'invoice.deleted': 'Variants',
			'invoice.erased': 'Variants',
			'transfer-order.created': 'Variants',
			'transfer-order.deleted': 'Variants',
			'outbound-logistic.complete': 'Variants',
			'inbound-logistic.complete': 'Variants',
			'adjustment.created': 'AdjustedInventory',
		});
		expect(lineArrayField(undefined)).toBeUndefined();
	});
});

describe('types.generated.ts', () => {
	it('matches the catalog (regenerate: npx tsc && node dev/generate/types.js)', () => {
		const expected = render({
			categories: CATEGORIES,
			documentedFields,
			lineArrayField,
			tsTypeOf,
			describeFieldType,
		});
		expect(readRepoFile('nodes/DealPosTrigger/items/types.generated.ts')).toBe(expected);
	});
});
