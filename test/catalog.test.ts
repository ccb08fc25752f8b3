import {
	allEvents,
	CATEGORIES,
	eventKey,
	findEvent,
	isSlug,
	toSlug,
} from '../nodes/DealPosTrigger/catalog';
import { catalogImport, docsCatalog, readRepoFile, renderSendEvents } from '../dev/lib';

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

/** Documented names that are not an event of their own (see dev/generate/import-catalog.js). */
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
				const own = event.fields.filter((f) => !f.borrowedFrom).map((f) => f.path);
				if (event.key === 'customer.deleted') {
					// The seed documents it in full (Customer Created's fields); the crawl kept one.
					expect(own).toEqual(findEvent('customer.created')!.fields.map((f) => f.path));
				} else {
					expect(own).toEqual((docsEvent.fields ?? []).map((f) => f.path));
				}
			});
		}
		expect(allEvents()).toHaveLength(30);
	});

	it('has Customer Updated as documented by the seed, with its example', () => {
		const updated = findEvent('customer.updated')!;
		const docsUpdated = docs.find((c) => c.category === 'Customer')!.events.find((e) => e.name === 'Customer Updated')!;
		expect(updated).toMatchObject({ slug: 'updated', name: 'Customer Updated', documented: 'complete', exampleSource: 'documented' });
		expect(updated.example).toEqual(docsUpdated.example);
		expect(updated.example).toMatchObject({ Phone: '5859541', Code: '1011' });
		expect(updated.fields.filter((f) => f.required)).toHaveLength(14);
	});

	it('takes Customer Deleted from the seed, and points Customer Created at its own page', () => {
		const deleted = findEvent('customer.deleted')!;
		expect(deleted.documented).toBe('complete');
		expect(deleted.fields).toEqual(findEvent('customer.created')!.fields);
		expect(deleted.example).toMatchObject({ FirstName: 'John', MemberIdentification: '32412323214512' });
		expect(findEvent('customer.created')!.docUrl).toMatch(/customercreated$/);
	});

	it('gives undocumented events their sibling\'s shape, marked as borrowed and never required', () => {
		const created = findEvent('invoice-payment.created')!;
		for (const key of ['invoice-payment.updated', 'invoice-payment.deleted', 'invoice-payment.writeoff']) {
			const event = findEvent(key)!;
			expect(event.fields.map((f) => [f.path, f.type, f.format])).toEqual(created.fields.map((f) => [f.path, f.type, f.format]));
			expect(event.fields.every((f) => f.borrowedFrom === 'invoice-payment.created' && !f.required && !f.nonEmpty)).toBe(true);
		}
		// Partly documented: own fields kept, the sibling's missing ones added.
		const supplierDeleted = findEvent('supplier.deleted')!;
		expect(supplierDeleted.fields.filter((f) => !f.borrowedFrom).length).toBeGreaterThan(0);
		expect(new Set(supplierDeleted.fields.map((f) => f.path))).toEqual(new Set(findEvent('supplier.created')!.fields.map((f) => f.path)));
	});

	it('types the items of arrays documented without a schema from the record they hold', () => {
		const payments = findEvent('invoice.created')!.fields.filter((f) => f.path.startsWith('Payments[].'));
		expect(payments.map((f) => f.path)).toEqual(findEvent('invoice-payment.created')!.fields.map((f) => `Payments[].${f.path}`));
		expect(payments.find((f) => f.path === 'Payments[].Amount')).toMatchObject({ type: 'number', borrowedFrom: 'invoice-payment.created' });
	});

	it('has an example for every event: documented ones exactly as documented, the others synthetic', () => {
		for (const event of allEvents()) {
			expect(event.example).toBeDefined();
			expect(['documented', 'synthetic']).toContain(event.exampleSource);
		}
		expect(findEvent('invoice.created')!.exampleSource).toBe('synthetic');
		expect(findEvent('customer.created')!.exampleSource).toBe('documented');
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

describe('generated from the catalog, and fresh', () => {
	it('events.generated.ts is what dev/generate/import-catalog.js makes of the vendored documentation', () => {
		expect(readRepoFile('nodes/DealPosTrigger/catalog/events.generated.ts')).toBe(catalogImport.render(docsCatalog()));
	});

	it('dev/dealpos-send/events.json holds every event with its example', () => {
		expect(readRepoFile('dev/dealpos-send/events.json')).toBe(renderSendEvents(allEvents()));
	});
});
