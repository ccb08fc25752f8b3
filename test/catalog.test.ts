import {
	allEvents,
	CATEGORIES,
	eventKey,
	findEvent,
	isSlug,
	toSlug,
} from '../nodes/DealPosTrigger/catalog';
import { docsCatalog } from './files';

interface DocsEvent {
	name: string;
	synchronous?: boolean;
	fields?: Array<{ path: string }>;
	example?: unknown;
}
interface DocsCategory {
	category: string;
	events: DocsEvent[];
}

const docs = docsCatalog() as DocsCategory[];

/** Documented names that are not an event of their own (see scripts/import-catalog.js). */
const isOlderVersion = (name: string) => name.includes('older doc version');
const isCutName = (name: string) => name.includes('name cut off');

describe('event catalog', () => {
	it('has every category of the documentation, in order', () => {
		expect(CATEGORIES.map((c) => c.name)).toEqual(docs.map((c) => c.category));
	});

	it('has every documented event once, with its fields and flags', () => {
		for (const docsCategory of docs) {
			const category = CATEGORIES.find((c) => c.name === docsCategory.category)!;
			const events = docsCategory.events.filter((e) => !isOlderVersion(e.name) && !isCutName(e.name));
			expect(category.events).toHaveLength(events.length);
			events.forEach((docsEvent, i) => {
				const event = category.events[i];
				expect(event.synchronous).toBe(Boolean(docsEvent.synchronous));
				expect(event.fields.map((f) => f.path)).toEqual((docsEvent.fields ?? []).map((f) => f.path));
			});
		}
		expect(allEvents()).toHaveLength(29);
	});

	it('does not invent the event whose name the documentation cuts off', () => {
		expect(allEvents().some((e) => /\bre…|restored/i.test(e.name))).toBe(false);
	});

	it('merges the older Cashier Shift Closed version into Shift Closed', () => {
		const shift = CATEGORIES.find((c) => c.slug === 'shift')!;
		expect(shift.events.map((e) => e.key)).toEqual(['shift.closed']);
		expect(shift.events[0].olderVersion?.name).toBe('Cashier Shift Closed');
		expect(shift.events[0].fields.some((f) => f.path === 'Session.Start')).toBe(true);
	});

	it('unwraps documentation examples wrapped in a stray key', () => {
		expect(findEvent('loyalty-point.fetch-points')!.example).toEqual({
			Outlet: 'Outlet1',
			Phone: '+628159137777',
			Email: 'john.doe@gmail.com',
			Code: '4650865270308696',
		});
		expect(findEvent('shift.closed')!.example).toMatchObject({ ID: 'ff7848c9-21f1-4c05-ac9e-1e71d829cc9c' });
	});

	it('keeps examples exactly as documented otherwise', () => {
		const docsCustomer = docs.find((c) => c.category === 'Customer')!.events[0];
		expect(findEvent('customer.created')!.example).toEqual(docsCustomer.example);
	});

	it('has stable, URL-safe, unique keys', () => {
		const keys = allEvents().map((e) => e.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const category of CATEGORIES) {
			expect(isSlug(category.slug)).toBe(true);
			for (const event of category.events) {
				expect(isSlug(event.slug)).toBe(true);
				expect(event.key).toBe(eventKey(category.slug, event.slug));
			}
		}
	});

	it('documents the answers of the synchronous events', () => {
		expect(findEvent('loyalty-point.fetch-points')!.answers).toEqual([
			{ label: 'Success', status: 200, body: { Point: 1208 } },
		]);
		expect(findEvent('loyalty-point.order-complete')!.answers).toEqual([
			{ label: 'Success', status: 200, body: { reward: 9000 } },
		]);
		const older = findEvent('loyalty-point.validate-coupon')!.answers!;
		expect(older.map((a) => a.status)).toEqual([200, 200, 400]);
		expect(findEvent('loyalty-provider.validate-coupon')!.answerFields!.map((f) => f.path)).toEqual([
			'Type',
			'Amount',
			'Notification',
		]);
	});

	it('turns user-typed names into URL segments', () => {
		expect(toSlug('Invoice Restored')).toBe('invoice-restored');
		expect(toSlug(' bill_paid ')).toBe('bill-paid');
		expect(toSlug('writeOff')).toBe('write-off');
		expect(toSlug('***')).toBe('');
	});
});
