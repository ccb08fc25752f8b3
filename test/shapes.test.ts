import { allEvents, findEvent } from '../nodes/DealPosTrigger/catalog';
import { buildItems } from '../nodes/DealPosTrigger/items';
import { normalize } from '../nodes/DealPosTrigger/items/normalize';

const zone = { timezone: 'Asia/Jakarta' };

describe('events without a documented schema take their sibling\'s shape', () => {
	it.each(['invoice-payment.updated', 'invoice-payment.deleted', 'invoice-payment.writeoff'])(
		'%s types Amount and Date like Payment Created',
		(key) => {
			const body = { ID: 'p-1', InvoiceID: 'i-1', Amount: '100000.50', Date: '2020-07-01', Created: '2020-07-31T10:00:00', TagID: 'kept' };
			const typed = normalize(body, findEvent(key), zone);
			const created = normalize(body, findEvent('invoice-payment.created'), zone);
			expect(typed.data.Amount).toBe(100000.5);
			expect(typed.data).toEqual(created.data);
			// Unknown fields stay as sent; borrowed fields are never required.
			expect(typed.data.TagID).toBe('kept');
			expect(typed.problems).toEqual([]);
		},
	);

	it('types the items of an invoice\'s Payments[] like payment records', () => {
		const body = {
			ID: 'i-1',
			Payments: [
				{ Amount: '157500', Method: 'Cash', Date: '2020-07-01' },
				{ Amount: 42500, Method: 'Card' },
			],
		};
		const { data } = normalize(body, findEvent('invoice.created'), zone);
		const payments = data.Payments as Array<{ Amount: unknown }>;
		expect(payments.map((p) => p.Amount)).toEqual([157500, 42500]);
		expect(payments.reduce((sum, p) => sum + (p.Amount as number), 0)).toBe(200000);
	});

	it('types the rest of a partly documented event from its sibling and keeps what it does not know', () => {
		// Supplier Deleted documents all but Mobile: a number sent there becomes a string as in Created.
		const body = { Name: 'PT XYZ', Mystery: 12, Mobile: 8123456789 };
		const { data, problems } = normalize(body, findEvent('supplier.deleted'), zone);
		expect(data.Mobile).toBe('8123456789');
		expect(data.Mystery).toBe(12);
		expect(problems.filter((p) => p.path === 'Mobile')).toEqual([]);
	});
});

describe('synthetic examples', () => {
	const context = (key: string, rawBody: string) => ({
		category: key.split('.')[0],
		event: key,
		eventName: key,
		receivedAt: '2026-01-01T00:00:00.000Z',
		mode: 'production' as const,
		rawBody,
	});
	const options = { output: 'normalised' as const, timezone: 'Asia/Jakarta', splitLines: false, includeHeaders: false };

	it('a synthetic example passes validation and its items say it is synthetic', () => {
		const event = findEvent('invoice.created')!;
		const { items, problems } = buildItems(event.example, event, context(event.key, JSON.stringify(event.example)), options);
		expect(problems).toEqual([]);
		expect(items[0].json.dealpos).toMatchObject({ syntheticExample: true });
	});

	it('a real delivery, or a documented example, is not marked', () => {
		const event = findEvent('invoice.created')!;
		const body = { ...event.example, Number: '2026.01.0002' };
		expect(buildItems(body, event, context(event.key, JSON.stringify(body)), options).items[0].json.dealpos).not.toHaveProperty('syntheticExample');
		const customer = findEvent('customer.created')!;
		const documented = buildItems(customer.example, customer, context(customer.key, JSON.stringify(customer.example)), options);
		expect(documented.items[0].json.dealpos).not.toHaveProperty('syntheticExample');
	});

	it('every event with a synthetic example validates cleanly', () => {
		const synthetic = allEvents().filter((e) => e.exampleSource === 'synthetic');
		// 17 events have no documented example (Invoice Created among them).
		expect(synthetic.map((e) => e.key)).toContain('invoice.created');
		expect(synthetic).toHaveLength(17);
		for (const event of synthetic) {
			const { problems } = buildItems(event.example, event, context(event.key, JSON.stringify(event.example)), options);
			expect({ key: event.key, problems }).toEqual({ key: event.key, problems: [] });
		}
	});
});
