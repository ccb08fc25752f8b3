/**
 * The DealPOS Catch-up Trigger against the REST stand-in over real HTTP (n8n-core's request
 * helpers, the credential's token as n8n handles it): windows and watermark, the request budget,
 * DealPOS's rate limit, items that match webhook items by record identity.
 */
import { NodeApiError, sleep, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import { DealPosClient } from '../nodes/DealPos/transport/client';
import { DealPosCatchUpTrigger } from '../nodes/DealPosCatchUp/DealPosCatchUpTrigger.node';
import { catchUp, optionsOf, POLL_BUDGET_RESERVE_MS, rateLimitWaitMs, type PollResult } from '../nodes/DealPosCatchUp/poll';
import { sourceOf, type CatchUpSource } from '../nodes/DealPosCatchUp/sources';
import { addDays, firstDay, nextAfter, prune, today, windowsOf, type CatchUpState } from '../nodes/DealPosCatchUp/windows';
import { findEvent } from '../nodes/DealPosTrigger/catalog';
import { buildItems } from '../nodes/DealPosTrigger/items';
import { recordKey } from '../nodes/DealPosTrigger/items/recordKey';
import { startStandIn, type StandIn } from '../dev/lib';
import { pollContext, storedCredential, type StoredCredential } from './api/harness';

const INVOICE = sourceOf('invoice') as CatchUpSource;
const CUSTOMER = sourceOf('customer') as CatchUpSource;

describe('windows (pure)', () => {
	it('splits a range into windows of at most 7 days, oldest first, the last ending on the last day', () => {
		expect(windowsOf('2026-10-01', '2026-10-20', 7)).toEqual([
			{ from: '2026-10-01', to: '2026-10-07' },
			{ from: '2026-10-08', to: '2026-10-14' },
			{ from: '2026-10-15', to: '2026-10-20' },
		]);
		expect(windowsOf('2026-10-20', '2026-10-20', 7)).toEqual([{ from: '2026-10-20', to: '2026-10-20' }]);
		expect(windowsOf('2026-12-30', '2027-01-02', 7)).toEqual([{ from: '2026-12-30', to: '2027-01-02' }]);
	});

	it('starts at the watermark minus the overlap, else the start date, else today minus the overlap; never after today', () => {
		expect(firstDay({ next: '2026-11-20' }, '2026-11-29', 1)).toBe('2026-11-19');
		expect(firstDay({ next: '2026-11-20' }, '2026-11-29', 1, '2026-01-01')).toBe('2026-11-19');
		expect(firstDay({}, '2026-11-29', 1, '2026-11-01')).toBe('2026-11-01');
		expect(firstDay({}, '2026-11-29', 2)).toBe('2026-11-27');
		expect(firstDay({ next: '2026-12-05' }, '2026-11-29', 0)).toBe('2026-11-29');
		expect(firstDay({ next: 'yesterday' }, '2026-11-29', 1)).toBe('2026-11-28');
	});

	it('moves the watermark past a finished day, but never past today (today is never complete)', () => {
		expect(nextAfter('2026-11-07', '2026-11-29')).toBe('2026-11-08');
		expect(nextAfter('2026-11-29', '2026-11-29')).toBe('2026-11-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('forgets emitted keys of days the next poll will not read again', () => {
		expect(prune({ a: '2026-11-27', b: '2026-11-28', c: '2026-11-29' }, '2026-11-28')).toEqual({ b: '2026-11-28', c: '2026-11-29' });
	});

	it("takes today in the workflow's time zone (DealPOS filters by the shop's day)", () => {
		const lateUtc = new Date('2026-11-29T20:00:00Z');
		expect(today(lateUtc, 'Asia/Jakarta')).toBe('2026-11-30');
		expect(today(lateUtc, 'America/New_York')).toBe('2026-11-29');
		expect(today(lateUtc, 'Not/AZone')).toBe('2026-11-29');
	});

	it('reads the option defaults from the node description, and ignores unusable values', () => {
		expect(optionsOf({})).toEqual({
			overlapDays: 1,
			maxRequests: 10,
			maxWait: 60,
			startDate: undefined,
			outlets: undefined,
			includeLineItems: false,
		});
		expect(optionsOf({ overlapDays: -1, maxRequests: 0, startDate: '2026-02-30T00:00:00' })).toMatchObject({
			overlapDays: 1,
			maxRequests: 10,
			startDate: undefined,
		});
		expect(optionsOf({ startDate: '2026-02-03T00:00:00.000+07:00' }).startDate).toBe('2026-02-03');
		// 0 would leave yesterday unread after the first poll past midnight: a sale an offline
		// register syncs at 00:05 would never be read.
		expect(optionsOf({ overlapDays: 0 }).overlapDays).toBe(1);
		expect(optionsOf({ overlapDays: 3 }).overlapDays).toBe(3);
	});
});

describe('what a poll remembers (a fake DealPOS client: the logic only)', () => {
	/** A client whose every list request answers `records` (one page), counting requests. */
	function answering(records: IDataObject[]): DealPosClient {
		const fake = { requests: 0, async call() { fake.requests++; return { Data: records, TotalCount: records.length }; } };
		return fake as unknown as DealPosClient;
	}

	// rest-api.md: whether invoice lists filter on the sale Date or on Created is not stated. A
	// backdated sale (or one with no date, 0001-01-01) then comes back in today's windows while its
	// Date is long past: what the poll remembers must follow the window that returned it.
	it.each([
		['a backdated sale', '2026-10-01T10:00:00'],
		['a sale with no date', '0001-01-01T00:00:00'],
	])('emits %s once, however many polls read it again', async (_, date) => {
		const client = answering([{ ID: 'a1', Number: 'INV/1', Date: date }]);
		const options = optionsOf({});
		const first = await catchUp(client, INVOICE, { source: 'invoice', next: '2026-11-28' }, options, '2026-11-29');
		expect(first.fresh.map((f) => f.key)).toEqual(['invoice:a1']);
		const second = await catchUp(client, INVOICE, first.state, options, '2026-11-29');
		expect(second.fresh).toEqual([]);
		const nextDay = await catchUp(client, INVOICE, second.state, options, '2026-11-30');
		expect(nextDay.fresh).toEqual([]);
	});

	// rest-api.md: a list is a bare array, or {Data, TotalCount}. Anything else is not "no records":
	// taking it for an empty window would move the watermark past records never read.
	it.each([
		['an object without Data', { Message: 'An error has occurred.' }],
		['null', null],
		['an empty body', undefined],
	])('fails the poll on %s, the watermark kept', async (_, answer) => {
		const fake = { requests: 0, async call() { fake.requests++; return answer; } };
		const stored: CatchUpState = { source: 'invoice', next: '2026-11-20' };
		const result = await catchUp(fake as unknown as DealPosClient, INVOICE, stored, optionsOf({}), '2026-11-29');
		expect(result.windowsRead).toBe(0);
		expect(result.fresh).toEqual([]);
		expect(String(result.stoppedBy)).toMatch(/not a list/);
		expect(result.state.next).toBe('2026-11-20');
	});
});

describe('record identity', () => {
	it('gives a webhook invoice and the API list record of the same invoice one recordKey', () => {
		const event = findEvent('invoice.created')!;
		const body = { ...(event.example as IDataObject), ID: ' 1A7A1CE0-0000-4000-8000-000000000001' };
		const { items } = buildItems(
			body,
			event,
			{
				category: 'invoice',
				event: event.key,
				eventName: event.name,
				receivedAt: '2026-11-29T00:00:00Z',
				mode: 'production',
				rawBody: JSON.stringify(body),
			},
			{ output: 'normalised', timezone: 'Asia/Jakarta', splitLines: false, includeHeaders: false },
		);
		const meta = items[0].json.dealpos as IDataObject;
		expect(meta.recordKey).toBe('invoice:1a7a1ce0-0000-4000-8000-000000000001');
		expect(meta.recordKey).toBe(recordKey('invoice', { ID: '1a7a1ce0-0000-4000-8000-000000000001', Number: 'INV/1' }));
	});

	it('keys customers on Code (the webhook has no ID), numbers included; none for other categories or without the field', () => {
		expect(recordKey('customer', { Code: 'C0001', Name: 'A' })).toBe('customer:c0001');
		expect(recordKey('customer', { Code: 200505 })).toBe('customer:200505');
		expect(recordKey('customer', { ID: 'x' })).toBeUndefined();
		expect(recordKey('customer', { Code: '  ' })).toBeUndefined();
		expect(recordKey('product', { ID: 'x' })).toBeUndefined();
		expect(recordKey('invoice', ['ID'])).toBeUndefined();
		expect(recordKey('toString', { ID: 'x' })).toBeUndefined();
	});
});

describe('reading DealPOS (stand-in over HTTP)', () => {
	let api: StandIn;
	beforeAll(async () => {
		// The rate limit is tested below: here it is out of the way.
		api = await startStandIn({ limit: 100_000, pageCap: 100, data: { invoices: 1234, customers: 40 } });
	});
	afterAll(async () => api.close());

	function client(stored: StoredCredential, maxWaitMs = 0): DealPosClient {
		const ctx = pollContext({ parameters: {}, stored, staticData: {} });
		return new DealPosClient(ctx, api.url, maxWaitMs);
	}
	const credential = () => storedCredential(api.url, api.clients[0]);
	const ids = (result: PollResult) => result.fresh.map((f) => f.record.ID as string);
	const october = () => api.data.invoices.filter((inv) => String(inv.Date).startsWith('2026-10')).map((inv) => inv.ID as string);

	it('reads every window in full (all pages, cancelled invoices too) and emits each invoice once; the next poll emits nothing', async () => {
		const stored = credential();
		const options = { ...optionsOf({ maxRequests: 45 }), overlapDays: 0 };
		const first = await catchUp(client(stored), INVOICE, { source: 'invoice', next: '2026-10-01' }, options, '2026-10-31');
		expect(first.windowsRead).toBe(5);
		expect(first.windowsLeft).toBe(0);
		expect(first.stoppedBy).toBeUndefined();
		expect(new Set(ids(first)).size).toBe(first.fresh.length);
		expect(ids(first).sort()).toEqual(october().sort());
		expect(api.data.invoices.some((inv) => inv._cancelled && ids(first).includes(inv.ID as string))).toBe(true);
		expect(first.state.next).toBe('2026-10-31');
		expect(Object.values(first.state.seen ?? {}).every((day) => day >= '2026-10-31')).toBe(true);

		const again = await catchUp(client(stored), INVOICE, first.state, options, '2026-10-31');
		expect(again.fresh).toEqual([]);
		expect(again.state.next).toBe('2026-10-31');
	});

	it('emits what was not emitted yet when the overlap reads a day again', async () => {
		const stored = credential();
		const options = { ...optionsOf({}), overlapDays: 2 };
		const before = await catchUp(client(stored), INVOICE, { source: 'invoice', next: '2026-10-30' }, options, '2026-10-30');
		const added = { ...api.data.invoices[0], ID: 'late-0001-4000-8000-000000000001', Number: 'INV/JKT/LATE1', Date: '2026-10-29T23:50:00' };
		api.data.invoices.push(added);
		try {
			const after = await catchUp(client(stored), INVOICE, before.state, options, '2026-10-31');
			const onThe31st = api.data.invoices.filter((i) => String(i.Date).startsWith('2026-10-31')).map((i) => i.ID as string);
			expect(onThe31st.length).toBeGreaterThan(0);
			expect(ids(after).sort()).toEqual(['late-0001-4000-8000-000000000001', ...onThe31st].sort());
		} finally {
			api.data.invoices.pop();
		}
	});

	it('pages a long outage through over several polls within the request budget, each invoice once', async () => {
		const stored = credential();
		const options = optionsOf({ maxRequests: 2, startDate: '2026-09-01' });
		let state: CatchUpState = {};
		const seen: string[] = [];
		let polls = 0;
		for (; polls < 20; polls++) {
			const c = client(stored);
			const result = await catchUp(c, INVOICE, state, options, '2026-10-31');
			seen.push(...ids(result));
			state = result.state;
			expect(result.windowsRead).toBeGreaterThan(0);
			if (result.windowsLeft === 0) break;
			// Stopped because the budget was used up, not before: no new window once it is.
			expect(c.requests).toBeGreaterThanOrEqual(2);
			// A window in October needs 3 requests here (pages of 100): the budget can be passed by the
			// window it started, never by a window more.
			expect(c.requests).toBeLessThanOrEqual(2 + 2);
		}
		// 61 days in 9 windows of 7 days: several polls (an empty September window costs 1 request).
		expect(polls).toBeGreaterThanOrEqual(5);
		expect(polls).toBeLessThan(9);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.sort()).toEqual(october().sort());
		expect(state.next).toBe('2026-10-31');
	});

	it('keys customers by Code and windows them by join date', async () => {
		const stored = credential();
		const result = await catchUp(client(stored), CUSTOMER, {}, optionsOf({ startDate: '2026-06-01', maxRequests: 45 }), '2026-09-30');
		const joined = api.data.customers.filter((c) => String(c.JoinDate) >= '2026-06-01');
		expect(joined.length).toBeGreaterThan(10);
		expect(result.windowsLeft).toBe(0);
		expect(result.fresh.map((f) => f.key).sort()).toEqual(joined.map((c) => `customer:${String(c.Code).toLowerCase()}`).sort());
		expect(result.state.source).toBe('customer');
		// A state of another source is not reused.
		const invoices = await catchUp(client(stored), INVOICE, result.state, optionsOf({}), '2026-10-31');
		expect(invoices.state.source).toBe('invoice');
		expect(invoices.state.next).toBe('2026-10-31');
	});
});

describe('DealPOS rate limit (stand-in window 2 s, 4 requests per window)', () => {
	let api: StandIn;
	beforeAll(async () => {
		api = await startStandIn({ limit: 4, windowSeconds: 2, data: { invoices: 1234 } });
	});
	afterAll(async () => api.close());

	async function freshWindow(): Promise<void> {
		await sleep(api.msToNextWindow() + 20);
	}

	it('stops at the limit, keeps the watermark after the last window read in full, and goes on at the next poll', async () => {
		const stored = storedCredential(api.url, api.clients[0]);
		const options = optionsOf({ maxRequests: 45, maxWait: 0, startDate: '2026-10-01' });
		const ctx = () => pollContext({ parameters: {}, stored, staticData: {} });
		await freshWindow();
		// token + 3 windows, then a 429.
		const first = await catchUp(new DealPosClient(ctx(), api.url, 0), INVOICE, {}, options, '2026-10-31');
		expect(first.windowsRead).toBe(3);
		expect(first.stoppedBy).toBeInstanceOf(NodeApiError);
		expect((first.stoppedBy as NodeApiError).httpCode).toBe('429');
		expect(first.state.next).toBe('2026-10-22');
		await freshWindow();
		const second = await catchUp(new DealPosClient(ctx(), api.url, 0), INVOICE, first.state, options, '2026-10-31');
		expect(second.windowsRead).toBe(2);
		expect(second.stoppedBy).toBeUndefined();
		const all = [...first.fresh, ...second.fresh].map((f) => f.record.ID);
		expect(new Set(all).size).toBe(all.length);
		expect(all.length).toBe(api.data.invoices.filter((i) => String(i.Date).startsWith('2026-10')).length);
	});

	it('fails the poll, state untouched, when the limit is hit before any window was read', async () => {
		const stored = storedCredential(api.url, api.clients[0]);
		const staticData: IDataObject = { source: 'invoice', next: '2026-10-20', seen: { 'invoice:x': '2026-10-20' } };
		const before = JSON.stringify(staticData);
		await freshWindow();
		api.consume(4);
		const ctx = pollContext({ parameters: { record: 'invoice', options: { maxWait: 0 } }, stored, staticData });
		await expect(new DealPosCatchUpTrigger().poll.call(ctx)).rejects.toThrow(/rate limit/i);
		expect(JSON.stringify(staticData)).toBe(before);
	});

	// n8n's durable poll scheduler abandons a poll at its timeout (N8N_SCHEDULER_POLL_TIMEOUT, 45 s
	// by default): a poll must not spend that waiting for DealPOS's rate limit.
	it("waits for the rate limit only within n8n's poll budget, less the time to read and return", async () => {
		expect(rateLimitWaitMs(60, undefined)).toBe(60_000);
		expect(rateLimitWaitMs(60, 300_000)).toBe(60_000);
		expect(rateLimitWaitMs(60, 45_000)).toBe(45_000 - POLL_BUDGET_RESERVE_MS);
		expect(rateLimitWaitMs(60, 5_000)).toBe(0);
		const stored = storedCredential(api.url, api.clients[0]);
		const staticData: IDataObject = { source: 'invoice', next: '2026-10-20' };
		await freshWindow();
		api.consume(4);
		// Max Rate Limit Wait would let it wait the 2 s window out; the budget does not.
		const ctx = pollContext({ parameters: { record: 'invoice', options: { maxWait: 60 } }, stored, staticData, pollBudgetMs: 10_000 });
		const started = Date.now();
		await expect(new DealPosCatchUpTrigger().poll.call(ctx)).rejects.toThrow(/rate limit/i);
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(staticData).toEqual({ source: 'invoice', next: '2026-10-20' });
	});

	it('waits for the next window within Max Rate Limit Wait instead of stopping', async () => {
		const stored = storedCredential(api.url, api.clients[0]);
		await freshWindow();
		const ctx = pollContext({ parameters: {}, stored, staticData: {} });
		const result = await catchUp(
			new DealPosClient(ctx, api.url, 10_000),
			INVOICE,
			{},
			optionsOf({ maxRequests: 45, startDate: '2026-10-01' }),
			'2026-10-31',
		);
		expect(result.windowsRead).toBe(5);
		expect(result.stoppedBy).toBeUndefined();
	});
});

describe('poll() in n8n (today, in the workflow time zone)', () => {
	let api: StandIn;
	beforeAll(async () => {
		api = await startStandIn({ data: { invoices: 50, customers: 5 } });
	});
	afterAll(async () => api.close());

	const todayIs = () => today(new Date(), 'Asia/Jakarta');
	function addInvoice(n: number): string {
		const id = `7d000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
		api.data.invoices.push({
			...api.data.invoices[0],
			ID: id,
			Number: `INV/JKT/T${n}`,
			Date: `${todayIs()}T09:00:00`,
			Created: `${todayIs()}T09:00:00`,
		});
		return id;
	}
	async function poll(staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger', stored = storedCredential(api.url, api.clients[0])) {
		const ctx = pollContext({ parameters: { record: 'invoice', options: {} }, stored, staticData, mode });
		return await new DealPosCatchUpTrigger().poll.call(ctx);
	}
	const items = (out: INodeExecutionData[][] | null) => (out ? out[0] : []);

	it("emits today's new invoices with the webhook items' metadata (mode catch-up), then only what is new, then nothing", async () => {
		const staticData: IDataObject = {};
		const first = [addInvoice(1), addInvoice(2), addInvoice(3)];
		const out1 = items(await poll(staticData));
		expect(out1.map((i) => i.json.ID)).toEqual(first);
		const meta = out1[0].json.dealpos as IDataObject;
		expect(meta).toMatchObject({
			category: 'invoice',
			event: 'invoice.created',
			eventName: 'Invoice Created',
			mode: 'catch-up',
			recordKey: `invoice:${first[0]}`,
			problems: [],
		});
		expect(meta.deliveryKey).toMatch(/^[0-9a-f]{32}$/);
		expect(typeof out1[0].json.Amount).toBe('number');
		expect(staticData).toMatchObject({ source: 'invoice', next: todayIs() });
		expect(Object.keys(staticData.seen as IDataObject).sort()).toEqual(first.map((id) => `invoice:${id}`).sort());

		const fourth = addInvoice(4);
		const out2 = items(await poll(staticData));
		expect(out2.map((i) => i.json.ID)).toEqual([fourth]);
		expect(await poll(staticData)).toBeNull();

		// The same invoice gets the same deliveryKey whichever poll brings it.
		const fresh = items(await poll({}));
		expect(fresh.find((i) => i.json.ID === first[0])?.json.dealpos).toMatchObject({ deliveryKey: meta.deliveryKey });
	});

	it('Fetch Test Event (manual) shows recent records and leaves the state alone', async () => {
		const staticData: IDataObject = { source: 'invoice', next: todayIs(), seen: {} };
		addInvoice(5);
		const out = items(await poll(staticData, 'manual'));
		expect(out.length).toBeGreaterThan(0);
		expect(out.length).toBeLessThanOrEqual(10);
		expect(staticData).toEqual({ source: 'invoice', next: todayIs(), seen: {} });
	});

	it('says what is wrong with an unusable credential instead of polling', async () => {
		const stored = storedCredential('not a url', api.clients[0]);
		await expect(poll({}, 'trigger', stored)).rejects.toThrow(/subdomain|URL/i);
	});
});
