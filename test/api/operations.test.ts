/**
 * Every operation of the DealPOS node over real HTTP against the stand-in, and the items' types:
 * the same rules as the trigger's items (timestamps in the workflow's time zone, "no date" as
 * null, numbers sent as strings as numbers, unknown fields kept).
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { OPERATIONS } from '../../nodes/DealPos/actions';
import { normalize } from '../../nodes/DealPosTrigger/items/normalize';
import { findEvent } from '../../nodes/DealPosTrigger/catalog';
import { startStandIn, type StandIn } from '../../dev/lib';
import { runNode, storedCredential, type StoredCredential } from './harness';

let api: StandIn;
let stored: StoredCredential;
const tested = new Set<string>();

beforeAll(async () => {
	api = await startStandIn({ windowSeconds: 1, data: { invoices: 300 } });
	stored = storedCredential(api.url, api.clients[0]);
});
afterAll(async () => api.close());

async function run(parameters: IDataObject, timezone?: string) {
	tested.add(`${String(parameters.resource)}.${String(parameters.operation)}`);
	const { items, hints } = await runNode({ stored, parameters, timezone });
	return { json: items.map((item) => item.json), items, hints };
}

type Rec = IDataObject;
/** The stand-in's records. */
const D = () => api.data as unknown as Record<string, Rec[]>;
const invoices = () => D().invoices;
const RANGE = { from: '2026-10-01', to: '2026-10-31' };

describe('Invoice', () => {
	it('Get by ID: one typed item, line items included', async () => {
		const source = invoices()[0]; // Paid (no due date), Amount sent as a string
		const { json, items } = await run({ resource: 'invoice', operation: 'get', findBy: 'id', invoiceId: source.ID });
		expect(json).toHaveLength(1);
		const inv = json[0];
		expect(inv.ID).toBe(source.ID);
		expect(inv.Date).toBe(`${String(source.Date).slice(0, 19)}.${String(source.Date).slice(20).padEnd(3, '0')}+07:00`);
		expect(source.Due).toBe('0001-01-01T00:00:00');
		expect(inv.Due).toBeNull();
		expect(typeof source.Amount).toBe('string');
		expect(inv.Amount).toBe(Number(source.Amount));
		const line = (inv.Variants as IDataObject[])[0];
		expect(line.Quantity).toBe(Number((source.Variants as Rec[])[0].Quantity));
		expect(line.Price).toBe(Number((source.Variants as Rec[])[0].Price));
		expect(inv.Customer).toEqual(source.Customer);
		expect(inv.dealpos).toEqual({ source: 'api', record: 'invoice', operation: 'invoice.get', problems: [] });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('timestamps follow the workflow time zone', async () => {
		const source = invoices()[0];
		const { json } = await run({ resource: 'invoice', operation: 'get', findBy: 'id', invoiceId: source.ID }, 'Europe/Berlin');
		// Berlin is on summer time (+02:00) on that October day: offsets follow the zone's rules.
		expect(String(json[0].Date)).toMatch(/^2026-10-02T\d\d:\d\d:\d\d\.\d{3}\+02:00$/);
	});

	it('Get by outlet name or outlet ID and number', async () => {
		const source = invoices()[5];
		const byName = await run({ resource: 'invoice', operation: 'get', findBy: 'number', outlet: source.Outlet, number: source.Number });
		expect(byName.json[0].ID).toBe(source.ID);
		const byId = await run({ resource: 'invoice', operation: 'get', findBy: 'number', outlet: source._outletId, number: source.Number });
		expect(byId.json[0].ID).toBe(source.ID);
		const last = api.log.filter((e) => e.path.endsWith('/Invoice/Detail')).length;
		expect(last).toBeGreaterThanOrEqual(2);
	});

	it('Get ID by Number', async () => {
		const source = invoices()[7];
		const { json } = await run({ resource: 'invoice', operation: 'getIdByNumber', outlet: source.Outlet, number: source.Number });
		expect(json[0]).toMatchObject({ ID: source.ID });
	});

	it('an unknown invoice fails with DealPOS\'s 404 as a NodeApiError', async () => {
		const error = await run({ resource: 'invoice', operation: 'get', findBy: 'id', invoiceId: 'nope' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('404');
	});

	it('Get Many with filters: outlets, tags, payment state, delivery state, status', async () => {
		const { json } = await run({
			resource: 'invoice',
			operation: 'getAll',
			returnAll: true,
			...RANGE,
			filters: { outlets: 'Bandung, Surabaya', paymentState: 'Paid', deliveryState: 'Sent', tags: 'Online' },
		});
		const expected = invoices().filter(
			(inv) => ['Bandung', 'Surabaya'].includes(String(inv.Outlet)) && inv.Payment === 'Paid' && inv.Fulfillment === 'Sent' && inv.Tag === 'Online' && !inv._cancelled,
		);
		expect(expected.length).toBeGreaterThan(3);
		expect(json.map((inv) => inv.ID).sort()).toEqual(expected.map((inv) => inv.ID).sort());
		expect(json.every((inv) => inv.Variants === undefined)).toBe(true);
	});

	it('Get Many: Status Cancelled, a date range of one day, Limit', async () => {
		const cancelled = await run({ resource: 'invoice', operation: 'getAll', returnAll: true, ...RANGE, filters: { status: 'Cancelled' } });
		expect(cancelled.json.map((inv) => inv.ID).sort()).toEqual(invoices().filter((inv) => inv._cancelled).map((inv) => inv.ID).sort());
		const oneDay = await run({ resource: 'invoice', operation: 'getAll', returnAll: true, from: '2026-10-05T00:00:00', to: '2026-10-05T00:00:00' });
		expect(oneDay.json.length).toBeGreaterThan(0);
		expect(oneDay.json.every((inv) => String(inv.Date).startsWith('2026-10-05'))).toBe(true);
		const limited = await run({ resource: 'invoice', operation: 'getAll', returnAll: false, limit: 7, ...RANGE, includeLineItems: true });
		expect(limited.json).toHaveLength(7);
		expect(limited.json.every((inv) => Array.isArray(inv.Variants))).toBe(true);
	});

	it('Get Many without a date range says what is missing', async () => {
		await expect(run({ resource: 'invoice', operation: 'getAll', returnAll: true })).rejects.toThrow(/From and To are required/);
	});
});

describe('Return', () => {
	it('Get Many: the returned invoices of the range', async () => {
		const { json } = await run({ resource: 'return', operation: 'getAll', returnAll: true, ...RANGE });
		const expected = invoices().filter((inv) => inv.Fulfillment === 'Returned');
		expect(json.map((r) => r.ID).sort()).toEqual(expected.map((inv) => inv.ID).sort());
		const limited = await run({ resource: 'return', operation: 'getAll', returnAll: false, limit: 2, ...RANGE });
		expect(limited.json).toHaveLength(2);
	});
});

describe('Customer', () => {
	const customers = () => D().customers;

	it.each(['ID', 'Code', 'Email', 'MobilePhone'])('Get by %s', async (findBy) => {
		const source = customers()[19]; // Code sent as a number, no birth date
		const value = findBy === 'MobilePhone' ? source.Mobile : source[findBy];
		const { json } = await run({ resource: 'customer', operation: 'get', findBy, value: String(value) });
		expect(json[0].ID).toBe(source.ID);
		expect(typeof source.Code).toBe('number');
		expect(json[0].Code).toBe(String(source.Code));
		expect(json[0].BirthDate).toBeNull();
		expect(json[0].JoinDate).toMatch(/^2026-\d\d-\d\dT10:\d\d:00\.330\+07:00$/);
	});

	it('Get Many: all, by name, by join date', async () => {
		expect((await run({ resource: 'customer', operation: 'getAll', returnAll: true })).json).toHaveLength(customers().length);
		const named = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { name: 'Customer 1' } });
		expect(named.json.every((c) => String(c.Name).startsWith('Customer 1'))).toBe(true);
		expect(named.json.length).toBe(customers().filter((c) => String(c.Name).startsWith('Customer 1')).length);
		const joined = await run({ resource: 'customer', operation: 'getAll', returnAll: true, filters: { from: '2026-03-03', to: '2026-03-03' } });
		expect(joined.json.length).toBeGreaterThan(0);
		expect(joined.json.every((c) => String(c.JoinDate).startsWith('2026-03-03'))).toBe(true);
		expect((await run({ resource: 'customer', operation: 'getAll', returnAll: false, limit: 3 })).json).toHaveLength(3);
	});
});

describe('Payment', () => {
	it('Get Many: one item per payment, its outlet beside it, typed like the webhook payment', async () => {
		const { json } = await run({ resource: 'payment', operation: 'getAll', returnAll: true, ...RANGE });
		const payments = D().payments;
		expect(json).toHaveLength(payments.length);
		expect(new Set(json.map((p) => p.ID)).size).toBe(payments.length);
		for (const p of json) {
			expect(typeof p.Outlet).toBe('string');
			expect(typeof p.Amount).toBe('number');
			expect(p.Date).toMatch(/^2026-10-\d\d$/);
		}
		// The same record, normalised by the trigger for a Payment Created delivery, has the same values.
		const fromTrigger = normalize(payments[0], findEvent('invoice-payment.created'), { timezone: 'Asia/Jakarta' }).data;
		const fromNode = json.find((p) => p.ID === payments[0].ID)!;
		const { dealpos, ...record } = fromNode;
		expect(dealpos).toMatchObject({ record: 'payment', problems: [] });
		expect(record).toEqual(fromTrigger);
	});

	it('Get for Invoice', async () => {
		const invoice = invoices()[0];
		const { json } = await run({ resource: 'payment', operation: 'getForInvoice', invoiceId: invoice.ID });
		expect(json.length).toBeGreaterThan(0);
		expect(json.every((p) => p.InvoiceID === invoice.ID)).toBe(true);
	});
});

describe('Write-Off', () => {
	it('Get Many: undocumented fields kept, outlet filter by name or ID', async () => {
		const all = await run({ resource: 'writeOff', operation: 'getAll', returnAll: true, ...RANGE });
		expect(all.json).toHaveLength(D().writeOffs.length);
		expect(all.json[0].TagID).toBe(D().writeOffs[0].TagID);
		expect(typeof all.json[0].Amount).toBe('number');
		const outlet = D().outlets[0];
		const byName = await run({ resource: 'writeOff', operation: 'getAll', returnAll: true, ...RANGE, filters: { outlet: outlet.Name } });
		const byId = await run({ resource: 'writeOff', operation: 'getAll', returnAll: true, ...RANGE, filters: { outlet: outlet.ID } });
		expect(byName.json.length).toBeGreaterThan(0);
		expect(byName.json.every((w) => w.Outlet === outlet.Name)).toBe(true);
		expect(byId.json).toEqual(byName.json.map((w) => ({ ...w, dealpos: { ...(w.dealpos as IDataObject) } })));
	});
});

describe('Loyalty Point', () => {
	it('Get History by email or mobile phone', async () => {
		const customer = (D().customers)[1];
		const byEmail = await run({ resource: 'loyalty', operation: 'getHistory', findBy: 'Email', value: customer.Email, returnAll: true });
		const byPhone = await run({ resource: 'loyalty', operation: 'getHistory', findBy: 'MobilePhone', value: customer.Mobile, returnAll: true });
		expect(byEmail.json.length).toBeGreaterThan(0);
		expect(byPhone.json).toEqual(byEmail.json);
		for (const entry of byEmail.json) {
			expect(typeof entry.Earned).toBe('number');
			expect(typeof entry.Remaining).toBe('number');
			expect(entry.ExpiryDate === null || /\+07:00$/.test(String(entry.ExpiryDate))).toBe(true);
		}
		expect(byEmail.json.some((entry) => entry.ExpiryDate === null)).toBe(true);
		const limited = await run({ resource: 'loyalty', operation: 'getHistory', findBy: 'Email', value: customer.Email, returnAll: false, limit: 2 });
		expect(limited.json).toHaveLength(2);
	});
});

describe('Outlet', () => {
	it('Get Many, by name, with a limit', async () => {
		expect((await run({ resource: 'outlet', operation: 'getAll', returnAll: true })).json).toHaveLength(3);
		const named = await run({ resource: 'outlet', operation: 'getAll', returnAll: true, filters: { name: 'band' } });
		expect(named.json.map((o) => o.Name)).toEqual(['Bandung']);
		expect((await run({ resource: 'outlet', operation: 'getAll', returnAll: false, limit: 1 })).json).toHaveLength(1);
	});
});

describe('Inventory', () => {
	it('Get Many: all, filtered, limited; codes as strings, quantities per outlet kept', async () => {
		const all = await run({ resource: 'inventory', operation: 'getAll', returnAll: true });
		expect(all.json).toHaveLength(D().inventory.length);
		expect(all.json.every((v) => typeof v.Code === 'string')).toBe(true);
		const filtered = await run({
			resource: 'inventory',
			operation: 'getAll',
			returnAll: true,
			filters: { category: 'Minuman', outlets: 'Bandung', discontinued: false, quantityFrom: 10 },
		});
		expect(filtered.json.length).toBeGreaterThan(0);
		for (const v of filtered.json) {
			expect(v.Category).toBe('Minuman');
			expect(Object.keys(v.I as IDataObject)).toEqual(['Bandung']);
		}
		expect((await run({ resource: 'inventory', operation: 'getAll', returnAll: false, limit: 5 })).json).toHaveLength(5);
	});
});

describe('the node', () => {
	it('Continue On Fail gives an error item and goes on', async () => {
		const { items } = await runNode({
			stored,
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'invoice', operation: 'get', findBy: 'id', invoiceId: 'nope' },
		});
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBeDefined();
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('every operation was exercised over HTTP by this file', () => {
		expect([...tested].sort()).toEqual(Object.keys(OPERATIONS).sort());
	});
});
