// @ts-check
'use strict';
// A local stand-in for DealPOS's REST API (https://<subdomain>.dealpos.net/api/v3), for the tests
// and the `npm run n8n` demo. Not shipped (test/ is outside the package's "files").
//
// Follows what DealPOS documents (see the project's shared dealpos/rest-api.md):
// - every path under /api/v3; list endpoints take POST with a JSON body (GET with a JSON body
//   too); a bodyless GET that claims a JSON body answers 500, as client code reports;
// - PageNumber/PageSize paging; bare arrays, {Data, TotalCount} for .../WithTotalCount;
// - 50 requests per window per tenant, all endpoints (token included) and all clients together,
//   fixed window; over it 429 with a Message naming the seconds to wait; RateLimit-Limit,
//   RateLimit-Remaining and RateLimit-Policy ("50;w=180") on every answer. The window length is
//   configurable (whole seconds) so tests run in seconds;
// - 401 for a missing, unknown or expired Bearer token.
// Follows the project's INFERENCES where DealPOS documents nothing (each marked "inferred"):
// - the token request: POST /api/v3/Token/OAuth2 (or /Oauth2) with JSON {client_id,
//   client_secret}, answered {access_token, token_type, expires_in}; refused with 401;
// - error bodies {"Message": "..."}; the 429 Message wording;
// - a larger PageSize than the server's cap silently returns fewer records. pageCapMode
//   'truncate' (default, the harsher reading): the offset still uses the PageSize asked, so a
//   client that keeps asking for the large size skips records; 'clamp': offset by the capped size;
// - record shapes the documentation does not give (payments inside the per-outlet groups,
//   payments of one invoice, write-offs, returns, inventory's "I") borrow DealPOS's webhook
//   records or the invoice list record.
const crypto = require('node:crypto');
const http = require('node:http');
const { EventEmitter } = require('node:events');

const API = '/api/v3';
const OUTLETS = [
	{ ID: 'b7a3c7a2-0001-4c1e-9a11-000000000001', Name: 'Jakarta Pusat', Code: 'JKT', Suspended: false },
	{ ID: 'b7a3c7a2-0002-4c1e-9a11-000000000002', Name: 'Bandung', Code: 'BDG', Suspended: false },
	{ ID: 'b7a3c7a2-0003-4c1e-9a11-000000000003', Name: 'Surabaya', Code: 'SBY', Suspended: true },
];
const TAGS = ['Online', 'Walk-in', 'Reseller'];
const PAYMENT_STATES = ['Paid', 'Partial', 'Unpaid'];
const DELIVERY_STATES = ['Sent', 'Unsent', 'Partial', 'Returned'];
const NO_DATE = '0001-01-01T00:00:00';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function uuid(prefix, n) {
	const hex = n.toString(16).padStart(12, '0');
	return `${prefix}-0000-4000-8000-${hex}`;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Builds the shop's records: `invoices` invoices over October 2026, customers, payments, ... */
function buildData({ invoices = 1234, customers = 40, seed = 7 } = {}) {
	const rnd = random(seed);
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const customerList = [];
	for (let i = 1; i <= customers; i++) {
		customerList.push({
			Name: `Customer ${i}`,
			// Strings sent as numbers, as DealPOS's REST examples do.
			Code: i % 5 === 0 ? 200500 + i : `C${pad(i, 4)}`,
			Mobile: `+62812${pad(i, 6)}`,
			Email: `customer${i}@example.com`,
			BirthDate: i % 4 === 0 ? NO_DATE : `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}T00:00:00`,
			JoinDate: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}T10:${pad(i % 60)}:00.33`,
			ID: uuid('c0570000', i),
		});
	}
	const invoiceList = [];
	const payments = [];
	const writeOffs = [];
	for (let i = 1; i <= invoices; i++) {
		const outlet = OUTLETS[i % OUTLETS.length];
		const customer = customerList[i % customerList.length];
		const day = 1 + (i % 31);
		const date = `2026-10-${pad(day)}T${pad(8 + (i % 12))}:${pad(i % 60)}:${pad((i * 7) % 60)}.${pad(i % 100)}`;
		const quantity = 1 + (i % 4);
		const price = 15000 + (i % 10) * 1000;
		const amount = quantity * price;
		const paymentState = PAYMENT_STATES[Math.floor(i / 3) % 3];
		const record = {
			ID: uuid('1a7a1ce0', i),
			Outlet: outlet.Name,
			Number: `INV/${outlet.Code}/${pad(i, 6)}`,
			Customer: { ID: customer.ID, Name: customer.Name, Code: String(customer.Code), Email: customer.Email, Mobile: customer.Mobile },
			Date: date,
			Due: paymentState === 'Paid' ? NO_DATE : `2026-11-${pad(day % 28 + 1)}T00:00:00`,
			// Numbers sent as strings, as DealPOS's REST examples do.
			Amount: i % 2 ? String(amount) : amount,
			Payment: paymentState,
			Fulfillment: DELIVERY_STATES[i % 7 === 0 ? 3 : i % 2],
			Created: `2026-10-${pad(day)}T${pad(8 + (i % 12))}:${pad(i % 60)}:${pad((i * 7) % 60)}.6691072`,
			Tag: pick(TAGS),
			Variants: [
				{
					VariantID: uuid('7a514e00', (i % 20) + 1),
					Name: `Kopi Susu ${(i % 20) + 1}`,
					Code: `KS${pad((i % 20) + 1, 3)}`,
					Quantity: String(quantity),
					Cost: price / 2,
					Price: String(price),
					Discount: 0,
					DiscountAmount: 0,
					Sales: amount,
					Tax: 0,
				},
			],
			_cancelled: i % 50 === 0,
			_outletId: outlet.ID,
			_customer: customer,
		};
		invoiceList.push(record);
		if (paymentState !== 'Unpaid') {
			// Inferred: the payment records inside /Payment/Invoice groups are not documented; they
			// take the webhook's Payment Created record.
			payments.push({
				ID: uuid('9a7e0000', i),
				InvoiceID: record.ID,
				Outlet: outlet.Name,
				Number: `PAY/${outlet.Code}/${pad(i, 6)}`,
				Amount: String(paymentState === 'Paid' ? amount : amount / 2),
				Method: i % 2 ? 'Cash' : 'QRIS',
				Date: `2026-10-${pad(day)}`,
				Created: `2026-10-${pad(day)}`,
				Creator: 'Kasir 1',
				CreatorID: uuid('ca510000', 1),
			});
		}
		if (paymentState === 'Partial' && i % 7 === 0) {
			// Inferred: write-off records take the webhook's Payment Writeoff record.
			writeOffs.push({
				ID: uuid('3a1e0ff0', i),
				InvoiceID: record.ID,
				Outlet: outlet.Name,
				Number: `WO/${outlet.Code}/${pad(i, 6)}`,
				Amount: String(amount / 2),
				Method: 'Write Off',
				Date: `2026-10-${pad(day)}`,
				Created: `2026-10-${pad(day)}`,
				Creator: 'Manager',
				CreatorID: uuid('ca510000', 2),
				TagID: uuid('7a900000', 1),
			});
		}
	}
	const loyalty = [];
	for (let i = 1; i <= 30; i++) {
		const customer = customerList[i % 4];
		const invoice = invoiceList[i];
		loyalty.push({
			InvoiceID: invoice.ID,
			Outlet: invoice.Outlet,
			EntryDate: invoice.Date,
			Action: i % 3 ? 'Earn' : 'Redeem',
			Invoice: invoice.Number,
			Earned: String(i % 3 ? 10 + i : -(5 + i)),
			Balance: 100 + i * 3,
			Remaining: String(100 + i * 2),
			ExpiryDate: i % 5 ? `2027-10-${pad(1 + (i % 28))}T00:00:00` : NO_DATE,
			Note: '',
			_email: customer.Email,
			_mobile: customer.Mobile,
		});
	}
	const inventory = [];
	for (let v = 1; v <= 120; v++) {
		const q = {};
		for (const outlet of OUTLETS) q[outlet.Name] = String((v * 7 + outlet.Code.length) % 40);
		inventory.push({
			Category: v % 2 ? 'Minuman' : 'Makanan',
			Product: `Product ${Math.ceil(v / 3)}`,
			Variant: `Variant ${v}`,
			Code: v % 6 === 0 ? 100000 + v : `SKU${pad(v, 4)}`,
			// Inferred: "I" is documented as an object without its fields; here: quantity per outlet.
			I: q,
			_discontinued: v % 10 === 0,
			_tags: v % 3 === 0 ? ['Promo'] : [],
		});
	}
	return { outlets: OUTLETS, customers: customerList, invoices: invoiceList, payments, writeOffs, loyalty, inventory };
}

/** A record as DealPOS sends it: without the stand-in's own bookkeeping fields (`_...`). */
function pub(record, { variants = true } = {}) {
	const out = {};
	for (const [key, value] of Object.entries(record)) {
		if (key.startsWith('_')) continue;
		if (key === 'Variants' && !variants) continue;
		out[key] = value;
	}
	return out;
}

function dayOf(text) {
	return typeof text === 'string' ? text.slice(0, 10) : '';
}

function list(value) {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);
}

function lower(value) {
	return String(value ?? '').toLowerCase();
}

/**
 * @typedef {object} StandInOptions
 * @property {number} [limit] requests per window (50)
 * @property {number} [windowSeconds] window length (180; tests use 1-3)
 * @property {number} [pageCap] most records a page holds whatever PageSize asks (500)
 * @property {'truncate'|'clamp'} [pageCapMode]
 * @property {{id: string, secret: string}[]} [clients]
 * @property {number} [tokenSeconds] token lifetime (3600)
 * @property {{ invoices?: number, customers?: number, seed?: number }} [data] buildData() options
 * @property {number} [port] 0: a free port
 */

/**
 * One request the stand-in saw (`by: 'other'`: a request of another app of the shop, consume()).
 * @typedef {{ at: number, window: number, method: string, path: string, status: number, by: 'client' | 'other' }} LogEntry
 */

/**
 * The running stand-in.
 * @typedef {object} StandIn
 * @property {string} origin
 * @property {string} url the API base URL, for the DealPOS API credential's "Subdomain or Base URL"
 * @property {{id: string, secret: string}[]} clients
 * @property {Record<string, Array<Record<string, any>>>} data
 * @property {LogEntry[]} log
 * @property {{ on(event: 'request', listener: (entry: LogEntry) => void): unknown, off(event: 'request', listener: (entry: LogEntry) => void): unknown }} events
 *   emits 'request' with each LogEntry after the answer is sent
 * @property {number} limit
 * @property {number} windowSeconds
 * @property {() => Array<{ index: number, received: number, served: number, rejected: number }>} windows
 * @property {(n: number) => void} consume
 * @property {() => number} msToNextWindow
 * @property {() => void} expireTokens
 * @property {() => Promise<void>} close
 */

/**
 * Starts the stand-in on a free loopback port.
 * @param {StandInOptions} [options]
 * @returns {Promise<StandIn>}
 */
async function startStandIn(options = {}) {
	const limit = options.limit ?? 50;
	const windowSeconds = options.windowSeconds ?? 180;
	const pageCap = options.pageCap ?? 500;
	const pageCapMode = options.pageCapMode ?? 'truncate';
	const clients = options.clients ?? [{ id: 'stand-in-client', secret: 'stand-in-secret-0123456789' }];
	const tokenSeconds = options.tokenSeconds ?? 3600;
	const data = buildData(options.data);
	const tokens = new Map();
	const events = new EventEmitter();
	const started = Date.now();
	/** Every request. @type {LogEntry[]} */
	const log = [];
	const windows = new Map();

	const windowIndex = (now) => Math.floor((now - started) / (windowSeconds * 1000));
	const windowOf = (index) => {
		let w = windows.get(index);
		if (!w) {
			w = { index, received: 0, served: 0, rejected: 0 };
			windows.set(index, w);
		}
		return w;
	};

	/** Counts a request in its window; false when over the limit (429). */
	function admit(now) {
		const w = windowOf(windowIndex(now));
		w.received++;
		if (w.served >= limit) {
			w.rejected++;
			return false;
		}
		w.served++;
		return true;
	}

	function rateHeaders(now) {
		const w = windowOf(windowIndex(now));
		return {
			'RateLimit-Limit': String(limit),
			'RateLimit-Remaining': String(Math.max(0, limit - w.served)),
			'RateLimit-Policy': `${limit};w=${windowSeconds}`,
		};
	}

	function page(records, body, withTotal) {
		const pageNumber = Math.max(1, Number(body.PageNumber) || 1);
		const asked = Math.max(1, Number(body.PageSize) || 100);
		const size = Math.min(asked, pageCap);
		const offset = (pageNumber - 1) * (pageCapMode === 'clamp' ? size : asked);
		const data = records.slice(offset, offset + size);
		return withTotal ? { Data: data, TotalCount: records.length } : data;
	}

	function invoicesFor(body) {
		const from = body.From ? String(body.From).slice(0, 10) : '';
		const to = body.To ? String(body.To).slice(0, 10) : '';
		const outlets = list(body.Outlet).map(lower);
		const tags = list(body.Tag).map(lower);
		const status = lower(body.Status || 'Active');
		return data.invoices.filter((inv) => {
			const day = dayOf(inv.Date);
			if (from && day < from) return false;
			if (to && day > to) return false;
			if (outlets.length && !outlets.includes(lower(inv.Outlet))) return false;
			if (tags.length && !tags.includes(lower(inv.Tag))) return false;
			if (body.PaymentState && lower(body.PaymentState) !== lower(inv.Payment)) return false;
			if (body.DeliveryState && lower(body.DeliveryState) !== lower(inv.Fulfillment)) return false;
			if (status === 'active' && inv._cancelled) return false;
			if (status === 'cancelled' && !inv._cancelled) return false;
			return true;
		});
	}

	function findOutlet(q) {
		if (q.OutletID) return data.outlets.find((o) => lower(o.ID) === lower(q.OutletID));
		if (q.Outlet) return data.outlets.find((o) => lower(o.Name) === lower(q.Outlet));
		return undefined;
	}

	function findInvoice(q) {
		if (q.ID) return data.invoices.find((inv) => lower(inv.ID) === lower(q.ID));
		const outlet = findOutlet(q);
		if (!outlet || !q.Number) return undefined;
		return data.invoices.find((inv) => inv.Outlet === outlet.Name && lower(inv.Number) === lower(q.Number));
	}

	const notFound = (what) => [404, { Message: `${what} not found` }];

	/** The API's routes: [status, body]. `q` merges the query string and the JSON body. */
	function route(method, path, q) {
		const p = path.toLowerCase();
		switch (p) {
			case '/invoice/multipleoutlet':
				return [200, page(invoicesFor(q), q, false).map((inv) => pub(inv, { variants: false }))];
			case '/invoice/multipleoutlet/withvariant':
				return [200, page(invoicesFor(q), q, false).map((inv) => pub(inv))];
			case '/invoice/multipleoutlet/withtotalcount': {
				const result = page(invoicesFor(q), q, true);
				return [200, { Data: result.Data.map((inv) => pub(inv, { variants: false })), TotalCount: result.TotalCount }];
			}
			case '/invoice/return':
				// Inferred: returns take the invoice list record; "date range" is all that is documented.
				return [200, invoicesFor({ ...q, Status: 'Any', DeliveryState: 'Returned' }).map((inv) => pub(inv, { variants: false }))];
			case '/invoice/detail': {
				const inv = findInvoice(q);
				return inv ? [200, pub(inv)] : notFound('Invoice');
			}
			case '/invoice/idbynumber': {
				const inv = findInvoice({ ...q, ID: undefined });
				return inv ? [200, { ID: inv.ID }] : notFound('Invoice');
			}
			case '/customer':
			case '/customer/p': {
				const from = q.From ? String(q.From).slice(0, 10) : '';
				const to = q.To ? String(q.To).slice(0, 10) : '';
				const found = data.customers.filter((c) => {
					if (q.Name && !lower(c.Name).includes(lower(q.Name))) return false;
					if (from && dayOf(c.JoinDate) < from) return false;
					if (to && dayOf(c.JoinDate) > to) return false;
					return true;
				});
				return [200, page(found, q, false)];
			}
			case '/customer/detail': {
				const c = data.customers.find(
					(x) =>
						(q.ID && lower(x.ID) === lower(q.ID)) ||
						(q.Code && lower(x.Code) === lower(q.Code)) ||
						(q.Email && lower(x.Email) === lower(q.Email)) ||
						(q.MobilePhone && x.Mobile === String(q.MobilePhone)),
				);
				return c ? [200, pub(c)] : notFound('Customer');
			}
			case '/payment/invoice':
			case '/payment/invoice/p': {
				const from = q.From ? String(q.From).slice(0, 10) : '';
				const to = q.To ? String(q.To).slice(0, 10) : '';
				const groups = new Map();
				for (const pay of data.payments) {
					if (from && pay.Date < from) continue;
					if (to && pay.Date > to) continue;
					if (!groups.has(pay.Outlet)) groups.set(pay.Outlet, []);
					groups.get(pay.Outlet).push(pay);
				}
				return [200, [...groups].map(([Outlet, Payments]) => ({ Outlet, Payments }))];
			}
			case '/payment/invoice/detail/id': {
				// Inferred: the path is documented (newer docs) without its parameter or answer.
				const inv = data.invoices.find((x) => lower(x.ID) === lower(q.ID));
				if (!inv) return notFound('Invoice');
				return [200, data.payments.filter((pay) => pay.InvoiceID === inv.ID)];
			}
			case '/writeoff/invoice': {
				const from = q.From ? String(q.From).slice(0, 10) : '';
				const to = q.To ? String(q.To).slice(0, 10) : '';
				const outlet = q.Outlet || q.OutletID ? findOutlet(q) : undefined;
				if ((q.Outlet || q.OutletID) && !outlet) return [200, []];
				return [
					200,
					data.writeOffs.filter((w) => (!from || w.Date >= from) && (!to || w.Date <= to) && (!outlet || w.Outlet === outlet.Name)),
				];
			}
			case '/loyaltypoint/emailorphone': {
				const from = q.From ? String(q.From).slice(0, 10) : '';
				const to = q.To ? String(q.To).slice(0, 10) : '';
				const found = data.loyalty.filter(
					(l) =>
						((q.Email && lower(l._email) === lower(q.Email)) || (q.MobilePhone && l._mobile === String(q.MobilePhone))) &&
						(!from || dayOf(l.EntryDate) >= from) &&
						(!to || dayOf(l.EntryDate) <= to),
				);
				return [200, page(found, q, false).map((l) => pub(l))];
			}
			case '/outlet': {
				const found = data.outlets.filter((o) => {
					if (q.Name && !lower(o.Name).includes(lower(q.Name))) return false;
					const suspended = lower(q.SuspendedStatus);
					if (suspended === 'suspended' && !o.Suspended) return false;
					if (suspended === 'active' && o.Suspended) return false;
					return true;
				});
				return [200, found];
			}
			case '/inventory': {
				const outlets = [...list(q.ListOutlet), ...list(q.ListOutletID).map((id) => findOutlet({ OutletID: id })?.Name).filter(Boolean)];
				const tags = list(q.Tags).map(lower);
				const found = data.inventory
					.filter((v) => {
						if (q.Category && lower(v.Category) !== lower(q.Category)) return false;
						if (q.Discontinued !== undefined && q.Discontinued !== '' && String(v._discontinued) !== lower(q.Discontinued)) return false;
						if (tags.length && !v._tags.some((t) => tags.includes(lower(t)))) return false;
						if (q.QuantityFrom !== undefined && q.QuantityFrom !== '') {
							const min = Number(q.QuantityFrom);
							if (!Object.values(v.I).some((n) => Number(n) >= min)) return false;
						}
						return true;
					})
					.map((v) => {
						const out = pub(v);
						if (outlets.length) out.I = Object.fromEntries(Object.entries(v.I).filter(([name]) => outlets.some((o) => lower(o) === lower(name))));
						return out;
					});
				return [200, page(found, q, false)];
			}
			default:
				return [404, { Message: `No HTTP resource was found that matches the request URI '${API}${path}'.` }];
		}
	}

	function send(res, status, body, headers) {
		const text = JSON.stringify(body);
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
		res.end(text);
	}

	function issueToken(body) {
		// Inferred token request (see the module comment).
		const client = clients.find((c) => c.id === body.client_id);
		if (!client || typeof body.client_secret !== 'string' || body.client_secret !== client.secret) {
			return [401, { Message: 'Invalid client_id or client_secret.' }];
		}
		const token = crypto.randomBytes(24).toString('hex');
		tokens.set(token, Date.now() + tokenSeconds * 1000);
		return [200, { access_token: token, token_type: 'Bearer', expires_in: tokenSeconds }];
	}

	function authorized(req) {
		const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
		if (!match) return false;
		const expires = tokens.get(match[1]);
		return expires !== undefined && expires > Date.now();
	}

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const now = Date.now();
			const url = new URL(req.url || '/', 'http://stand-in');
			const path = url.pathname.startsWith(API) ? url.pathname.slice(API.length) : null;
			/** @type {LogEntry} */
			const entry = { at: now, window: windowIndex(now), method: req.method || 'GET', path: url.pathname, status: 0, by: 'client' };
			const finish = (status, body) => {
				entry.status = status;
				log.push(entry);
				send(res, status, body, rateHeaders(now));
				events.emit('request', entry);
			};
			if (!admit(now)) {
				const w = windowIndex(now);
				const seconds = Math.max(1, Math.ceil((started + (w + 1) * windowSeconds * 1000 - now) / 1000));
				// Inferred wording; client code reads the seconds from this Message.
				return finish(429, { Message: `API calls quota exceeded! Maximum admitted ${limit} per ${windowSeconds}s. Try again in ${seconds} seconds.` });
			}
			const raw = Buffer.concat(chunks).toString('utf8');
			let body = {};
			if (raw.trim()) {
				try {
					body = JSON.parse(raw);
				} catch {
					return finish(400, { Message: 'The request body is not valid JSON.' });
				}
			} else if (req.method === 'GET' && /json/i.test(req.headers['content-type'] || '')) {
				// Reported by client code: a bodyless GET with Content-Type application/json answers 500.
				return finish(500, { Message: 'An error has occurred.' });
			}
			if (path === null) return finish(404, { Message: 'Not found' });
			if (/^\/token\/oauth2$/i.test(path)) {
				if (req.method !== 'POST') return finish(405, { Message: 'Use POST.' });
				const [status, answer] = issueToken(body && typeof body === 'object' ? body : {});
				return finish(status, answer);
			}
			if (!authorized(req)) return finish(401, { Message: 'Authorization has been denied for this request.' });
			const q = { ...Object.fromEntries(url.searchParams), ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}) };
			const [status, answer] = route(req.method, path, q);
			return finish(status, answer);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		/** The API base URL, for the DealPOS API credential's "Subdomain or Base URL". */
		url: `${origin}${API}`,
		clients,
		data,
		log,
		events,
		limit,
		windowSeconds,
		/** Per-window counts (received = served + rejected), oldest first. */
		windows: () => [...windows.values()].sort((a, b) => a.index - b.index).map((w) => ({ ...w })),
		/** Other apps of the shop use `n` requests of the current window. */
		consume(n) {
			const now = Date.now();
			for (let i = 0; i < n; i++) {
				const ok = admit(now);
				log.push({ at: now, window: windowIndex(now), method: 'POST', path: '(another app)', status: ok ? 200 : 429, by: 'other' });
			}
		},
		/** Milliseconds until the current window ends. */
		msToNextWindow() {
			const now = Date.now();
			return started + (windowIndex(now) + 1) * windowSeconds * 1000 - now;
		},
		/** Every token issued so far answers 401 from now on. */
		expireTokens() {
			for (const token of tokens.keys()) tokens.set(token, 0);
		},
		close: () => /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve()))),
	};
}

module.exports = { startStandIn, buildData, NO_DATE, seededRandom: random };
