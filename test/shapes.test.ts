import { findEvent } from '../nodes/DealPosTrigger/catalog';
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
