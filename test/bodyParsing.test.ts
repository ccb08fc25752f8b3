// How the trigger reads the request body: n8n parses JSON only for `application/json`; with
// another content type it hands the node `{}` (or, for text/plain, the text), and the raw body
// is on the request (`req.rawBody`, a Buffer).
import type { IDataObject } from 'n8n-workflow';

import { allEvents } from '../nodes/DealPosTrigger/catalog';
import { deliveryKey } from '../nodes/DealPosTrigger/items';
import { callWebhook, type FakeRequest } from './helpers';

const CUSTOMER = allEvents().find((e) => e.key === 'customer.created')!;
const EXAMPLE = CUSTOMER.example!;
const EXAMPLE_TEXT = JSON.stringify(EXAMPLE);

function deliver(req: Omit<FakeRequest, 'parameters' | 'params'>, options: IDataObject = {}) {
	return callWebhook({
		parameters: { category: 'customer', events: ['created'], options },
		params: { event: 'created' },
		...req,
	});
}

/** The single item's json without `dealpos.receivedAt` (the one value that differs per call). */
async function itemOf(req: Omit<FakeRequest, 'parameters' | 'params'>): Promise<IDataObject> {
	const { result } = await deliver(req);
	expect(result.webhookResponse).toEqual({ status: 'success' });
	expect(result.workflowData).toHaveLength(1);
	expect(result.workflowData![0]).toHaveLength(1);
	const json = result.workflowData![0][0].json;
	const { receivedAt, ...dealpos } = json.dealpos as IDataObject;
	expect(typeof receivedAt).toBe('string');
	return { ...json, dealpos };
}

describe('JSON that n8n did not parse', () => {
	it.each<[string, string | null, unknown]>([
		['text/plain (n8n gives the text)', 'text/plain', EXAMPLE_TEXT],
		['text/plain; charset=utf-8 (n8n gives the text)', 'text/plain; charset=utf-8', EXAMPLE_TEXT],
		['application/octet-stream (n8n gives {})', 'application/octet-stream', {}],
		['no content type (n8n gives {})', null, {}],
		['application/json with a body n8n did not parse ({})', 'application/json', {}],
	])('%s: the raw body is parsed, the item is the same as for application/json', async (_label, contentType, body) => {
		const expected = await itemOf({ body: EXAMPLE });
		expect(expected.Email).toBe('johndoe@gmail.com');
		expect((expected.dealpos as IDataObject).problems).toEqual([]);
		expect(await itemOf({ contentType, body, rawBody: EXAMPLE_TEXT })).toEqual(expected);
	});

	// A version-1 node gets n8n's form parsing of the text: the whole JSON as one key.
	it('JSON sent as a form (n8n parsed it as one): the raw body is parsed, the item is the same as for application/json', async () => {
		const expected = await itemOf({ body: EXAMPLE });
		const asForm = { [EXAMPLE_TEXT]: '' };
		expect(await itemOf({ contentType: 'application/x-www-form-urlencoded', body: asForm, rawBody: EXAMPLE_TEXT })).toEqual(expected);
	});

	it('a real form body keeps what n8n parsed', async () => {
		const item = await itemOf({ contentType: 'application/x-www-form-urlencoded', body: { FirstName: 'John', LastName: 'Doe' }, rawBody: 'FirstName=John&LastName=Doe' });
		expect(item).toMatchObject({ FirstName: 'John', LastName: 'Doe' });
	});

	it('a raw body of an array or a number is read like the same JSON body', async () => {
		for (const text of ['[{"ID":"c1"}]', '42']) {
			const expected = await itemOf({ body: JSON.parse(text) });
			expect(await itemOf({ contentType: 'text/plain', body: text, rawBody: text })).toEqual(expected);
		}
	});
});

describe('a body that is not JSON', () => {
	const TEXT = 'FirstName=John&LastName=Doe';

	it.each<[string | null, unknown, string, string]>([
		['text/plain', TEXT, TEXT, 'content type text/plain'],
		['application/octet-stream', {}, TEXT, 'content type application/octet-stream'],
		[null, {}, TEXT, 'no content type'],
		// A JSON body that failed to parse (n8n itself answers those with 422, a proxy may not).
		['application/json', {}, '{"FirstName": "John", ', 'content type application/json'],
	])('%s: the text is kept in body, with an unparsed problem, and DealPOS gets its answer', async (contentType, body, raw, described) => {
		const item = await itemOf({ contentType, body, rawBody: raw });
		expect(item).toEqual({
			body: raw,
			dealpos: {
				category: 'customer',
				event: 'customer.created',
				eventName: 'Customer Created',
				mode: 'production',
				deliveryKey: deliveryKey('customer.created', raw),
				problems: [
					{
						path: '',
						code: 'unparsed',
						message: `The body is not JSON (${described}); kept as text in "body".`,
					},
				],
			},
		});
	});

	it('under Fail the Execution, the error holds the text received', async () => {
		const call = deliver({ contentType: 'text/plain', body: TEXT, rawBody: TEXT }, { onInvalid: 'fail' });
		await expect(call).rejects.toMatchObject({
			message: 'Customer Created: the payload does not match the DealPOS documentation (1 problem)',
			description: `(body): The body is not JSON (content type text/plain); kept as text in "body".\n\nBody received:\n${TEXT}`,
		});
	});

	it.each<[string, string, unknown]>([
		['an empty', '', {}],
		['a whitespace-only', ' \r\n', ' \r\n'],
	])('%s text/plain body is an empty JSON object, as before', async (_label, raw, body) => {
		const empty = await itemOf({ body: {} });
		expect(await itemOf({ contentType: 'text/plain', body, rawBody: raw })).toEqual({
			...empty,
			dealpos: { ...(empty.dealpos as IDataObject), deliveryKey: deliveryKey('customer.created', raw) },
		});
		expect((empty.dealpos as IDataObject).problems).not.toContainEqual(expect.objectContaining({ path: '' }));
	});
});

describe('body size: nothing is read or parsed twice', () => {
	const parsesOf = (spy: jest.SpyInstance, text: string) => spy.mock.calls.filter((call) => call[0] === text).length;

	it('a body n8n parsed is used as is: the raw text is not parsed again', async () => {
		const spy = jest.spyOn(JSON, 'parse');
		try {
			const { result } = await deliver({ body: EXAMPLE });
			expect(result.workflowData![0][0].json.Email).toBe('johndoe@gmail.com');
			expect(parsesOf(spy, EXAMPLE_TEXT)).toBe(0);
		} finally {
			spy.mockRestore();
		}
	});

	it('a 2 MB body n8n did not parse is parsed once', async () => {
		const big = { ...EXAMPLE, Notes: 'x'.repeat(2_000_000) };
		const text = JSON.stringify(big);
		const spy = jest.spyOn(JSON, 'parse');
		try {
			const { result } = await deliver({ contentType: 'application/octet-stream', body: {}, rawBody: text });
			// (compared as a boolean: a failure message with 2 MB strings helps nobody)
			expect(result.workflowData![0][0].json.Notes === big.Notes).toBe(true);
			expect(parsesOf(spy, text)).toBe(1);
		} finally {
			spy.mockRestore();
		}
	});

	it('the raw body is turned into text once, also when the execution fails', async () => {
		const body = { ...EXAMPLE, Birthdate: 'tomorrow' };
		const raw = Buffer.from(JSON.stringify(body));
		const toText = jest.spyOn(raw, 'toString');
		await expect(deliver({ body, rawBody: raw }, { onInvalid: 'fail' })).rejects.toMatchObject({
			description: expect.stringContaining(`Body received:\n${JSON.stringify(body)}`),
		});
		expect(toText).toHaveBeenCalledTimes(1);
	});
});

describe('a node of version 2: n8n leaves a body of another content type unread', () => {
	it('reads it with n8n\'s own reader and parses the JSON, exactly as for version 1', async () => {
		const body = { ID: 'p-2', InvoiceID: 'i-2', Amount: '1500' };
		const { result } = await callWebhook({
			parameters: { category: 'invoice-payment', events: ['created'] },
			params: { event: 'created' },
			body: {},
			rawBody: JSON.stringify(body),
			contentType: 'application/octet-stream',
			bodyUnread: true,
		});
		const json = result.workflowData![0][0].json;
		expect(json).toMatchObject({ ID: 'p-2', InvoiceID: 'i-2', Amount: 1500 });
	});
});
