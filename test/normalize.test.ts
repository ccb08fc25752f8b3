import { allEvents } from '../nodes/DealPosTrigger/catalog';
import type { DealPosEvent, DealPosField } from '../nodes/DealPosTrigger/catalog';
import {
	cloneJson,
	describeFieldType,
	documentedFields,
	MAX_PROBLEMS,
	normalize,
	TextBody,
	type Problem,
} from '../nodes/DealPosTrigger/items/normalize';
import { tsTypeOf } from '../nodes/DealPosTrigger/items/fieldTypes';
import { event } from './helpers';


const INVOICE = event('invoice.created');
const CUSTOMER = event('customer.created');
const PAYMENT = event('invoice-payment.created');
const WRITE_OFF = event('invoice-payment.writeoff');
const BILL_PAYMENT = event('bill-payment.created');
const TRANSFER = event('transfer-order.created');
const SHIFT = event('shift.closed');
const PRODUCT = event('product.created');
const OUTBOUND = event('outbound-logistic.complete');
const VARIANT = event('product.variant-updated');

const JAKARTA = { timezone: 'Asia/Jakarta' };
const BERLIN = { timezone: 'Europe/Berlin' };
const NEW_YORK = { timezone: 'America/New_York' };

/** The normalised value of invoice field `Date` (documented date-time) for `value`. */
function invoiceDate(value: unknown, options = JAKARTA): unknown {
	return normalize({ Date: value }, INVOICE, options).data.Date;
}

/** What normalize answers for a body of one field kept as received, with one problem about it. */
function keptAsReceived(path: string, value: unknown, code: Problem['code'], message: string) {
	return { data: { [path]: value }, problems: [{ path, code, message }] };
}

/** One test per input: `field` of `event` is kept as received and reported unparsed with `message(input)`. */
function itKeepsUnparsed(
	title: string,
	inputs: string[],
	event: DealPosEvent,
	field: string,
	message: (input: string) => string,
): void {
	it.each(inputs)(title, (input) => {
		expect(normalize({ [field]: input }, event, JAKARTA)).toEqual(
			keptAsReceived(field, input, 'unparsed', message(input)),
		);
	});
}

/** `field` of `event` keeps `input` as received, with one problem of `code` about it. */
function expectKept(event: DealPosEvent, field: string, input: unknown, code: string): void {
	const result = normalize({ [field]: input }, event, JAKARTA);
	expect(result.data).toEqual({ [field]: input });
	expect(result.problems).toEqual([{ path: field, code, message: expect.any(String) }]);
}

function codes(problems: Problem[]): string[] {
	return problems.map((p) => `${p.code} ${p.path}`);
}

describe('normalize: timestamps of documented fields', () => {
	// [input, Asia/Jakarta, Europe/Berlin]
	const cases: Array<[string, string, unknown, unknown]> = [
		[
			'no offset (DealPOS local time)',
			'2020-09-02T00:00:00',
			'2020-09-02T00:00:00.000+07:00',
			'2020-09-02T00:00:00.000+02:00',
		],
		[
			'winter date in Berlin (DST-sensitive)',
			'2020-01-15T08:30:00',
			'2020-01-15T08:30:00.000+07:00',
			'2020-01-15T08:30:00.000+01:00',
		],
		[
			'minutes only',
			'2020-09-02T13:52',
			'2020-09-02T13:52:00.000+07:00',
			'2020-09-02T13:52:00.000+02:00',
		],
		[
			'1 fractional digit',
			'2020-09-02T13:52:18.3',
			'2020-09-02T13:52:18.300+07:00',
			'2020-09-02T13:52:18.300+02:00',
		],
		[
			'2 fractional digits',
			'2020-09-02T13:52:18.33',
			'2020-09-02T13:52:18.330+07:00',
			'2020-09-02T13:52:18.330+02:00',
		],
		[
			'3 fractional digits',
			'2020-05-15T15:11:52.327',
			'2020-05-15T15:11:52.327+07:00',
			'2020-05-15T15:11:52.327+02:00',
		],
		[
			'6 fractional digits',
			'2020-05-15T15:11:52.327999',
			'2020-05-15T15:11:52.327+07:00',
			'2020-05-15T15:11:52.327+02:00',
		],
		[
			'7 fractional digits (truncated to ms)',
			'2021-08-20T10:28:56.6691072',
			'2021-08-20T10:28:56.669+07:00',
			'2021-08-20T10:28:56.669+02:00',
		],
		[
			'7 nines stay in the same second',
			'2020-09-02T13:52:18.9999999',
			'2020-09-02T13:52:18.999+07:00',
			'2020-09-02T13:52:18.999+02:00',
		],
		[
			'offset +07:00 keeps the instant',
			'2025-04-16T10:11:59.608095+07:00',
			'2025-04-16T10:11:59.608+07:00',
			'2025-04-16T05:11:59.608+02:00',
		],
		[
			'offset without colon',
			'2020-09-02T00:00:00+0700',
			'2020-09-02T00:00:00.000+07:00',
			'2020-09-01T19:00:00.000+02:00',
		],
		[
			'Z keeps the instant',
			'2023-03-19T16:59:59.999Z',
			'2023-03-19T23:59:59.999+07:00',
			'2023-03-19T17:59:59.999+01:00',
		],
		['date only stays a date', '2020-07-01', '2020-07-01', '2020-07-01'],
		[
			'human with time',
			'01 Sep 2020 00:00',
			'2020-09-01T00:00:00.000+07:00',
			'2020-09-01T00:00:00.000+02:00',
		],
		['human date', '01 Sep 2020', '2020-09-01', '2020-09-01'],
		['human, one-digit day, full month, hyphens', '1-September-2020', '2020-09-01', '2020-09-01'],
		[
			'human, US order, 12-hour clock',
			'Sep 1, 2020 2:30 PM',
			'2020-09-01T14:30:00.000+07:00',
			'2020-09-01T14:30:00.000+02:00',
		],
		[
			'human with seconds',
			'15 Jan 2020 08:30:15',
			'2020-01-15T08:30:15.000+07:00',
			'2020-01-15T08:30:15.000+01:00',
		],
		[
			'SQL style',
			'2020-09-02 13:52:18',
			'2020-09-02T13:52:18.000+07:00',
			'2020-09-02T13:52:18.000+02:00',
		],
		[
			'RFC 2822',
			'Wed, 02 Sep 2020 13:52:18 +0700',
			'2020-09-02T13:52:18.000+07:00',
			'2020-09-02T08:52:18.000+02:00',
		],
		[
			'surrounding spaces',
			'  2020-09-02T00:00:00 ',
			'2020-09-02T00:00:00.000+07:00',
			'2020-09-02T00:00:00.000+02:00',
		],
	];
	it.each(cases)('%s: %j', (_label, input, jakarta, berlin) => {
		expect(invoiceDate(input, JAKARTA)).toBe(jakarta);
		expect(invoiceDate(input, BERLIN)).toBe(berlin);
		expect(normalize({ Date: input }, INVOICE, BERLIN).problems).toEqual([]);
	});

	it.each([
		'0001-01-01T00:00:00',
		'0001-01-01T00:00:00.0000000',
		'0001-01-01T00:00:00.000',
		'0001-01-01T00:00:00Z',
		'0001-01-01T00:00:00+07:00',
		'0001-01-01T00:00',
		'0001-01-01',
		'0001-01-01 00:00:00',
		'1/1/0001 12:00:00 AM',
		'',
		'   ',
	])('.NET MinValue and empty dates become null: %j', (input) => {
		const result = normalize({ Date: input }, INVOICE, JAKARTA);
		expect(result.data).toEqual({ Date: null });
		expect(result.problems).toEqual([]);
	});

	it('DST transitions follow luxon: a skipped local time moves forward, a repeated one takes the later offset', () => {
		expect(invoiceDate('2021-03-28T02:30:00', BERLIN)).toBe('2021-03-28T03:30:00.000+02:00');
		expect(invoiceDate('2021-10-31T02:30:00', BERLIN)).toBe('2021-10-31T02:30:00.000+01:00');
		expect(invoiceDate('2021-03-14T02:30:00', NEW_YORK)).toBe('2021-03-14T03:30:00.000-04:00');
		expect(invoiceDate('2021-11-07T01:30:00', NEW_YORK)).toBe('2021-11-07T01:30:00.000-05:00');
		expect(invoiceDate('2021-03-14T02:30:00', JAKARTA)).toBe('2021-03-14T02:30:00.000+07:00');
	});

	it('date-format fields (Payment Created) keep date-only values and convert timestamps', () => {
		const result = normalize(PAYMENT.example, PAYMENT, BERLIN);
		expect(result.data.Date).toBe('2020-07-01');
		expect(result.data.Created).toBe('2020-07-31');
		expect(normalize({ Date: '2020-07-01T00:00:00' }, PAYMENT, JAKARTA).data.Date).toBe(
			'2020-07-01T00:00:00.000+07:00',
		);
	});

	it('the mixed Close Shift example (offset and no offset in one payload)', () => {
		const body = {
			Session: { Start: '2025-04-08T14:37:01.283', End: '2025-04-16T10:11:59.608095+07:00' },
		};
		expect(normalize(body, SHIFT, JAKARTA).data.Session).toEqual({
			Start: '2025-04-08T14:37:01.283+07:00',
			End: '2025-04-16T10:11:59.608+07:00',
		});
		expect(normalize(body, SHIFT, BERLIN).data.Session).toEqual({
			Start: '2025-04-08T14:37:01.283+02:00',
			End: '2025-04-16T05:11:59.608+02:00',
		});
	});

	it.each([
		['2020-02-30', 'unparsed'],
		['2020-13-01T00:00:00', 'unparsed'],
		['tomorrow', 'unparsed'],
		['02/09/2020', 'unparsed'],
		[20200902, 'type'],
		[true, 'type'],
	])('an unparseable date %j is kept as received (%s)', (input, code) => {
		expectKept(INVOICE, 'Date', input, code);
	});

	it('null dates stay null', () => {
		expect(normalize({ Date: null }, INVOICE, JAKARTA)).toEqual({
			data: { Date: null },
			problems: [],
		});
	});

	it('the Customer Created example, in two zones', () => {
		expect(normalize(CUSTOMER.example, CUSTOMER, JAKARTA)).toEqual({
			data: { ...CUSTOMER.example, Birthdate: '2018-07-22T00:00:00.000+07:00' },
			problems: [],
		});
		expect(normalize(CUSTOMER.example, CUSTOMER, NEW_YORK).data.Birthdate).toBe(
			'2018-07-22T00:00:00.000-04:00',
		);
	});

	it('the Supplier Bill Payment example: seven fractional digits', () => {
		const { data } = normalize(BILL_PAYMENT.example, BILL_PAYMENT, JAKARTA);
		expect(data.Date).toBe('2021-08-20T00:00:00.000+07:00');
		expect(data.Created).toBe('2021-08-20T10:28:56.669+07:00');
	});
});

describe('normalize: flags, numbers and strings', () => {
	it.each([
		['Yes', true],
		['No', false],
		[' yes ', true],
		['NO', false],
		['true', true],
		['False', false],
		[true, true],
		[false, false],
	])('Void (yes-no) %j -> %j', (input, expected) => {
		expect(normalize({ Void: input }, INVOICE, JAKARTA)).toEqual({
			data: { Void: expected },
			problems: [],
		});
	});

	it('Void: unknown words and numbers are kept and reported', () => {
		expect(normalize({ Void: 'Maybe' }, INVOICE, JAKARTA)).toEqual(
			keptAsReceived('Void', 'Maybe', 'unparsed', '"Maybe" is not "Yes" or "No"; kept as received.'),
		);
		expect(normalize({ Void: 1 }, INVOICE, JAKARTA)).toEqual(
			keptAsReceived('Void', 1, 'type', 'Expected "Yes" or "No", got 1; kept as received.'),
		);
		expect(normalize({ Void: '' }, INVOICE, JAKARTA)).toEqual({
			data: { Void: null },
			problems: [],
		});
	});

	it.each([
		['true', true],
		['FALSE', false],
		['Yes', true],
		[true, true],
	])('boolean field Discontinued %j -> %j', (input, expected) => {
		expect(normalize({ Discontinued: input }, PRODUCT, JAKARTA).data.Discontinued).toBe(expected);
	});

	it.each([
		['150000', 150000],
		['100000.50', 100000.5],
		[' 10 ', 10],
		['-5', -5],
		['+7', 7],
		['.5', 0.5],
		['1e3', 1000],
		[150000, 150000],
		['', null],
	])('number field UnitPrice %j -> %j', (input, expected) => {
		expect(normalize({ UnitPrice: input }, VARIANT, JAKARTA)).toEqual({
			data: { UnitPrice: expected },
			problems: [],
		});
	});

	it.each([
		['abc', 'unparsed'],
		['1,000', 'unparsed'],
		['10 IDR', 'unparsed'],
		['NaN', 'unparsed'],
		['12345678901234567890', 'unparsed'],
		[true, 'type'],
	])('number field UnitPrice %j is kept and reported (%s)', (input, code) => {
		expectKept(VARIANT, 'UnitPrice', input, code);
	});

	it('integer fields: strings become numbers; a fraction is converted and reported', () => {
		expect(normalize({ Gross: '150000', Tax: 15 }, INVOICE, JAKARTA)).toEqual({
			data: { Gross: 150000, Tax: 15 },
			problems: [],
		});
		expect(normalize({ Gross: '100000.50' }, INVOICE, JAKARTA)).toEqual({
			data: { Gross: 100000.5 },
			problems: [{ path: 'Gross', code: 'type', message: 'Expected an integer, got 100000.5.' }],
		});
	});

	it('string fields sent as numbers become strings', () => {
		expect(normalize({ Code: 200535, Phone: 56545654 }, CUSTOMER, JAKARTA).data).toEqual({
			Code: '200535',
			Phone: '56545654',
		});
		expect(normalize({ Customer: { Code: 1.5 } }, INVOICE, JAKARTA).data).toEqual({
			Customer: { Code: '1.5' },
		});
	});

	it('string fields with a boolean or an object are kept and reported', () => {
		const result = normalize({ Note: true, Tag: { a: '2020-09-02T00:00:00' } }, INVOICE, JAKARTA);
		// An unexpected object is copied like undocumented data (shape rules apply inside).
		expect(result.data).toEqual({ Note: true, Tag: { a: '2020-09-02T00:00:00.000+07:00' } });
		expect(codes(result.problems)).toEqual(['type Note', 'type Tag']);
	});

	it('documented string fields are never converted, even when they look like timestamps', () => {
		expect(normalize({ Note: '2020-09-02T00:00:00' }, INVOICE, JAKARTA).data.Note).toBe(
			'2020-09-02T00:00:00',
		);
	});
});

describe('normalize: numeric strings a double cannot hold', () => {
	// Accepted when the double prints back (shortest round trip) to the same decimal value.
	it.each([
		['157500.50', 157500.5],
		['100000.50', 100000.5],
		['0.1', 0.1],
		['-0.25', -0.25],
		['0000123.4500', 123.45],
		['1E+3', 1000],
		['2.5e-7', 2.5e-7],
		['0.30000000000000004', 0.30000000000000004],
		['9007199254740991', 9007199254740991],
		['0', 0],
		['0.000', 0],
	])('number field UnitPrice %j -> %j', (input, expected) => {
		expect(normalize({ UnitPrice: input }, VARIANT, JAKARTA)).toEqual({
			data: { UnitPrice: expected },
			problems: [],
		});
	});

	itKeepsUnparsed(
		'number field UnitPrice %j is kept as received and reported as unparsed',
		[
			'1.0000000000000001',
			'0.10000000000000000001',
			'1e-400',
			'-1e-400',
			'1e400',
			'-1e400',
			'12345678901234567890',
			'9007199254740993',
			'-9007199254740993',
			'123456789.123456789',
		],
		VARIANT,
		'UnitPrice',
		(input) => `${JSON.stringify(input)} does not fit a number without losing digits; kept as received.`,
	);

	it.each(['12345678901234567890', '9007199254740993', '1e400', '1.0000000000000001'])(
		'integer field Gross %j is kept as received and reported as unparsed',
		(input) => {
			const result = normalize({ Gross: input }, INVOICE, JAKARTA);
			expect(result.data).toEqual({ Gross: input });
			expect(codes(result.problems)).toEqual(['unparsed Gross']);
		},
	);

	// JSON.parse (n8n's) has already rounded such a number: the digits DealPOS sent are gone, so the
	// item must say so rather than pass the rounded value on as if it were the record's.
	it.each([
		// (parsed from text: the literal itself would be the rounding under test)
		['string field Code', CUSTOMER, 'Code', Number('9123456789012345678'), '9123456789012346000'],
		['number field UnitPrice', VARIANT, 'UnitPrice', 18014398509481984, 18014398509481984],
	])('%s sent as a number beyond ±2^53 is reported as unparsed (its digits may have been rounded)', (_label, ev, field, input, kept) => {
		const result = normalize({ ...(ev.example as object), [field]: input }, ev, JAKARTA);
		expect(result.data[field]).toEqual(kept);
		expect(result.problems).toEqual([
			{
				path: field,
				code: 'unparsed',
				message: `${String(input)} was sent as a number beyond ±2^53, which JSON numbers do not hold exactly: its last digits may differ from what DealPOS sent.`,
			},
		]);
	});

	it('safe integers sent as numbers pass without a problem', () => {
		const result = normalize({ ...(CUSTOMER.example as object), Code: 9007199254740991 }, CUSTOMER, JAKARTA);
		expect(result.data.Code).toBe('9007199254740991');
		expect(result.problems).toEqual([]);
	});

	it('integers beyond the safe range stay unparsed even when the double holds them', () => {
		// 2^54 is a double exactly, but arithmetic on it is no longer exact.
		const result = normalize({ UnitPrice: '18014398509481984' }, VARIANT, JAKARTA);
		expect(result.data).toEqual({ UnitPrice: '18014398509481984' });
		expect(codes(result.problems)).toEqual(['unparsed UnitPrice']);
	});
});

describe('normalize: UTC offsets beyond ±14:00', () => {
	itKeepsUnparsed(
		'documented Date %j is kept as received and reported as unparsed',
		[
			'2020-09-02T00:00:00+25:00',
			'2020-09-02T00:00:00-14:30',
			'2020-09-02T00:00:00+14:01',
			'2020-09-02T00:00:00+1401',
			'2020-09-02T00:00:00+15',
			'2020-09-02T00:00:00+07:60',
			'2020-09-02T13:52:18.33-99:00',
			'2020-09-02 13:52:18 +25:00',
			'2020-09-02 13:52:18-1430',
			'Wed, 02 Sep 2020 13:52:18 +2500',
			'0001-01-01T00:00:00+25:00',
		],
		INVOICE,
		'Date',
		(input) =>
			`${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)} has a UTC offset outside -14:00 to +14:00 (or minutes over 59); kept as received.`,
	);

	it.each([
		['2020-09-02T00:00:00+1400', '2020-09-01T17:00:00.000+07:00'],
		['2020-09-02T00:00:00+14:00', '2020-09-01T17:00:00.000+07:00'],
		['2020-09-02T00:00:00+14', '2020-09-01T17:00:00.000+07:00'],
		['2020-09-02T00:00:00-14:00', '2020-09-02T21:00:00.000+07:00'],
		['2020-09-02T00:00:00-12:00', '2020-09-02T19:00:00.000+07:00'],
		['2020-09-02T00:00:00+05:45', '2020-09-02T01:15:00.000+07:00'],
		['2020-09-02 13:52:18 -14:00', '2020-09-03T10:52:18.000+07:00'],
		['Wed, 02 Sep 2020 13:52:18 -1400', '2020-09-03T10:52:18.000+07:00'],
	])('documented Date %j (offset within ±14:00) keeps its instant', (input, expected) => {
		expect(normalize({ Date: input }, INVOICE, JAKARTA)).toEqual({
			data: { Date: expected },
			problems: [],
		});
	});

	it('undocumented timestamps with an offset beyond ±14:00 are left as strings', () => {
		const body = {
			Far: '2020-09-02T00:00:00+25:00',
			Edge: '2020-09-02T00:00:00+14:01',
			Minutes: '2020-09-02T00:00:00+0760',
			Near: '2020-09-02T00:00:00+14:00',
		};
		expect(normalize(body, undefined, JAKARTA)).toEqual({
			data: {
				Far: '2020-09-02T00:00:00+25:00',
				Edge: '2020-09-02T00:00:00+14:01',
				Minutes: '2020-09-02T00:00:00+0760',
				Near: '2020-09-01T17:00:00.000+07:00',
			},
			problems: [],
		});
	});
});

describe('normalize: unknown fields and undocumented events', () => {
	it('keeps fields the catalog does not know (TagID of Payment Write-Off) exactly', () => {
		expect(normalize(WRITE_OFF.example, WRITE_OFF, JAKARTA)).toEqual({
			data: WRITE_OFF.example,
			problems: [],
		});
		const body = {
			TagID: '1c2a88a6-d99c-4915-91af-a36110c34c7a',
			Amount: 100000,
			Extra: { Count: '3' },
		};
		expect(normalize(body, PAYMENT, JAKARTA).data).toEqual(body);
	});

	it('applies only the shape rule to undocumented events', () => {
		const body = {
			When: '2020-09-02T13:52:18.33',
			WhenZ: '2023-03-19T16:59:59.999Z',
			Never: '0001-01-01T00:00:00',
			Day: '2020-07-01',
			Human: '01 Sep 2020 00:00',
			Amount: '150000',
			Void: 'Yes',
			Invalid: '2020-13-45T99:99:99',
			Nested: [{ At: '2021-08-20T10:28:56.6691072' }, ['2020-09-02T00:00']],
		};
		expect(normalize(body, undefined, BERLIN)).toEqual({
			data: {
				When: '2020-09-02T13:52:18.330+02:00',
				WhenZ: '2023-03-19T17:59:59.999+01:00',
				Never: null,
				Day: '2020-07-01',
				Human: '01 Sep 2020 00:00',
				Amount: '150000',
				Void: 'Yes',
				Invalid: '2020-13-45T99:99:99',
				Nested: [{ At: '2021-08-20T10:28:56.669+02:00' }, ['2020-09-02T00:00:00.000+02:00']],
			},
			problems: [],
		});
	});

	it('applies the same shape rule to unknown fields of documented events and undocumented line fields', () => {
		const body = {
			Modified: '2020-09-02T13:52:18.33',
			Variants: [{ VariantID: 'v1', Quantity: '2', Shipped: '2020-09-03T08:00:00' }],
		};
		expect(normalize(body, INVOICE, JAKARTA).data).toEqual({
			Modified: '2020-09-02T13:52:18.330+07:00',
			Variants: [{ VariantID: 'v1', Quantity: '2', Shipped: '2020-09-03T08:00:00.000+07:00' }],
		});
	});

	it('events documented with no fields behave like undocumented ones', () => {
		// (Invoice Deleted was one until the catalog borrowed Invoice Created's fields for it.)
		const empty = allEvents().find((e) => documentedFields(e).length === 0);
		expect(empty).toBeDefined();
		const body = { ID: 'x', Date: '2020-09-02T00:00:00', Gross: '10' };
		expect(normalize(body, empty, JAKARTA)).toEqual(
			normalize(body, undefined, JAKARTA),
		);
	});
});

describe('normalize: arrays and nested objects', () => {
	/** A line that normalize keeps as it is (its problems aside); the body gets a copy. */
	const UNCHANGED_LINE = Object.freeze({
		VariantID: 'b',
		Name: '',
		Code: 'B',
		Quantity: 'ten',
		Discount: 0,
		Cost: 1,
		Price: 2,
		Note: 'x',
	});
	const transfer = {
		Outlet: 'Outlet 1',
		Destination: 'Outlet 2',
		Date: '2020-09-02T00:00:00',
		Number: 'TO-1',
		State: 'Completed',
		CreatorID: 'c',
		Created: '2020-09-02T13:52:18.33',
		Variants: [
			{
				VariantID: 'a',
				Name: 'A',
				Code: 100,
				Quantity: '10',
				Discount: '0',
				Cost: '5000',
				Price: '7500.5',
			},
			{ ...UNCHANGED_LINE },
		],
	};

	it('coerces every element of a documented array (Variants[].Quantity)', () => {
		const result = normalize(transfer, TRANSFER, JAKARTA);
		expect(result.data.Variants).toEqual([
			{
				VariantID: 'a',
				Name: 'A',
				Code: '100',
				Quantity: 10,
				Discount: 0,
				Cost: 5000,
				Price: 7500.5,
			},
			UNCHANGED_LINE,
		]);
		expect(result.problems).toEqual([
			{ path: 'Variants[1].Name', code: 'empty', message: 'Documented as non-empty but empty.' },
			{
				path: 'Variants[1].Quantity',
				code: 'unparsed',
				message: '"ten" is not a number; kept as received.',
			},
		]);
	});

	it('reports required fields missing inside array elements', () => {
		const body = {
			...transfer,
			Variants: [{ VariantID: 'a', Name: 'A', Code: 'A', Quantity: 1, Discount: 0, Cost: 1 }],
		};
		expect(codes(normalize(body, TRANSFER, JAKARTA).problems)).toEqual([
			'required Variants[0].Price',
		]);
	});

	it('coerces nested objects (Customer.Code, Session.Start)', () => {
		expect(normalize({ Customer: { Code: 200535, Name: 'X' } }, INVOICE, JAKARTA).data).toEqual({
			Customer: { Code: '200535', Name: 'X' },
		});
		const shift = {
			...SHIFT.example,
			Session: { Start: '2020-05-15T15:11:52.327', Invoice_Count: '3', Bin: 'false' },
		};
		expect(normalize(shift, SHIFT, BERLIN).data.Session).toEqual({
			Start: '2020-05-15T15:11:52.327+02:00',
			Invoice_Count: 3,
			Bin: false,
		});
	});

	it('arrays of scalars are coerced by itemsType (Tags: strings)', () => {
		expect(normalize({ Tags: ['a', 2, true] }, PRODUCT, JAKARTA)).toEqual({
			data: { Tags: ['a', '2', true] },
			problems: [
				{
					path: 'Tags[2]',
					code: 'type',
					message: 'Expected a string, got true; kept as received.',
				},
			],
		});
	});

	it('an object where an array is documented is copied and reported', () => {
		const result = normalize({ Variants: { VariantID: 'a', Quantity: '1' } }, TRANSFER, JAKARTA);
		expect(result.data.Variants).toEqual({ VariantID: 'a', Quantity: '1' });
		expect(result.problems).toContainEqual({
			path: 'Variants',
			code: 'type',
			message: 'Expected an array, got an object; kept as received.',
		});
	});
});

describe('normalize: validation', () => {
	it('reports missing required fields, empty non-empty fields and uncoercible values; data is still returned', () => {
		const body = {
			FirstName: '',
			LastName: 'Doe',
			Title: 'Mr',
			Gender: 'male',
			Birthdate: '0001-01-01T00:00:00',
		};
		const result = normalize(body, CUSTOMER, JAKARTA);
		expect(result.data).toEqual({
			FirstName: '',
			LastName: 'Doe',
			Title: 'Mr',
			Gender: 'male',
			Birthdate: null,
		});
		expect(codes(result.problems)).toEqual([
			'required Phone',
			'required Email',
			'required Outlet',
			'required Name',
			'required Code',
			'required Address',
			'required City',
			'required Mobile',
			'required MemberIdentification',
			'empty FirstName',
			'unparsed Gender',
			'empty Birthdate',
		]);
		expect(result.problems[0]).toEqual({
			path: 'Phone',
			code: 'required',
			message: 'Required by the DealPOS documentation but missing.',
		});
	});

	it('reports an empty non-empty array', () => {
		const result = normalize({ Variants: [] }, OUTBOUND, JAKARTA);
		expect(result.problems).toContainEqual({
			path: 'Variants',
			code: 'empty',
			message: 'Documented as non-empty but empty.',
		});
	});

	it('a body may follow the older documentation version of an event (Shift Closed without Session)', () => {
		expect(normalize(SHIFT.example, SHIFT, JAKARTA).problems).toEqual([]);
		const fields = documentedFields(SHIFT);
		expect(fields.find((f) => f.path === 'Session')?.required).toBeUndefined();
		expect(fields.find((f) => f.path === 'Open')?.required).toBe(true);
	});

	it('every documented example normalises without problems', () => {
		for (const documented of allEvents()) {
			if (!documented.example) continue;
			expect([documented.key, normalize(documented.example, documented, JAKARTA).problems]).toEqual(
				[documented.key, []],
			);
		}
	});

	it('an unknown time zone gives UTC and a problem', () => {
		expect(
			normalize({ Date: '2020-09-02T00:00:00' }, INVOICE, { timezone: 'Mars/Olympus' }),
		).toEqual({
			data: { Date: '2020-09-02T00:00:00.000Z' },
			problems: [
				{
					path: '',
					code: 'unparsed',
					message: 'Unknown time zone "Mars/Olympus"; timestamps are expressed in UTC.',
				},
			],
		});
		expect(
			normalize({ Date: '2020-09-02T00:00:00' }, INVOICE, { timezone: 'UTC+7' }).data.Date,
		).toBe('2020-09-02T00:00:00.000+07:00');
	});

	it('raw option: copies as received but still validates', () => {
		const body = {
			Date: '2020-09-02T00:00:00',
			Void: 'Yes',
			Gross: 'abc',
			Modified: '2020-09-02T00:00:00',
		};
		const result = normalize(body, INVOICE, { timezone: 'Asia/Jakarta', raw: true });
		expect(result.data).toEqual(body);
		expect(result.data).not.toBe(body);
		expect(codes(result.problems)).toEqual(['unparsed Gross']);
	});
});

describe('normalize: robustness', () => {
	// Anyone who learns a URL of a trigger without authentication can post 16 MB of empty lines:
	// 7 problems per 3-byte line would be tens of millions of problems (gigabytes).
	it('lists at most MAX_PROBLEMS problems, then one that counts the rest; the data is all there', () => {
		const transfer = event('transfer-order.created');
		const body = (lines: number) => ({ ...(transfer.example as object), Variants: Array.from({ length: lines }, () => ({})) });
		const perLine = normalize(body(10), transfer, { timezone: 'Asia/Jakarta' }).problems.length / 10;
		expect(perLine).toBeGreaterThan(0);
		const lines = Math.ceil((MAX_PROBLEMS * 3) / perLine);
		const { data, problems } = normalize(body(lines), transfer, { timezone: 'Asia/Jakarta' });
		expect((data.Variants as unknown[]).length).toBe(lines);
		expect(problems).toHaveLength(MAX_PROBLEMS + 1);
		const more = lines * perLine - MAX_PROBLEMS;
		expect(problems[MAX_PROBLEMS]).toEqual({
			path: '',
			code: 'omitted',
			message: `${more} more problems are not listed (the first ${MAX_PROBLEMS} are).`,
		});
		// Under the limit, nothing is left out and nothing added.
		const under = Math.floor(MAX_PROBLEMS / perLine);
		const listed = normalize(body(under), transfer, { timezone: 'Asia/Jakarta' }).problems;
		expect(listed).toHaveLength(under * perLine);
		expect(listed.some((p) => p.code === 'omitted')).toBe(false);
	});

	it.each<[string, unknown, unknown]>([
		['an array', [1, '2020-09-02T00:00'], { body: [1, '2020-09-02T00:00:00.000+07:00'] }],
		['a string', 'hello', { body: 'hello' }],
		['a number', 42, { body: 42 }],
		['null', null, { body: null }],
		['a boolean', false, { body: false }],
	])('a body that is %s is returned under "body" with a problem', (_label, body, data) => {
		const result = normalize(body, CUSTOMER, JAKARTA);
		expect(result.data).toEqual(data);
		expect(result.problems).toEqual([
			{ path: '', code: 'type', message: expect.stringContaining('not a JSON object') },
		]);
	});

	it('a body that is not JSON (TextBody) is kept as text under "body" with an unparsed problem', () => {
		const text = 'FirstName=John&LastName=Doe';
		for (const raw of [false, true]) {
			expect(
				normalize(new TextBody(text, 'application/octet-stream'), CUSTOMER, { ...JAKARTA, raw }),
			).toEqual({
				data: { body: text },
				problems: [
					{
						path: '',
						code: 'unparsed',
						message:
							'The body is not JSON (content type application/octet-stream); kept as text in "body".',
					},
				],
			});
		}
		expect(normalize(new TextBody('x'), undefined, JAKARTA).problems[0].message).toBe(
			'The body is not JSON (no content type); kept as text in "body".',
		);
	});

	it('no body gives {} and a problem', () => {
		expect(normalize(undefined, undefined, JAKARTA)).toEqual({
			data: {},
			problems: [{ path: '', code: 'type', message: 'The request has no body.' }],
		});
	});

	it('keeps __proto__, constructor and prototype as own data properties without polluting', () => {
		const body = JSON.parse(
			'{"__proto__":{"polluted":"yes","Date":"2020-09-02T00:00:00"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"2020-09-02T00:00:00","FirstName":"A"}',
		) as Record<string, unknown>;
		const result = normalize(body, CUSTOMER, JAKARTA);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
		expect(Object.keys(result.data)).toEqual([
			'__proto__',
			'constructor',
			'prototype',
			'FirstName',
		]);
		expect(Object.getOwnPropertyDescriptor(result.data, '__proto__')?.value).toEqual({
			polluted: 'yes',
			Date: '2020-09-02T00:00:00.000+07:00',
		});
		expect(JSON.stringify(result.data)).toBe(
			'{"__proto__":{"polluted":"yes","Date":"2020-09-02T00:00:00.000+07:00"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"2020-09-02T00:00:00.000+07:00","FirstName":"A"}',
		);
	});

	it('documented fields named like Object.prototype members are safe too', () => {
		const body = JSON.parse('{"toString":"x","hasOwnProperty":1,"valueOf":{"a":1}}') as Record<
			string,
			unknown
		>;
		expect(normalize(body, CUSTOMER, JAKARTA).data).toEqual(body);
	});

	it('accepts null-prototype objects', () => {
		const body = Object.assign(Object.create(null) as Record<string, unknown>, {
			Date: '2020-09-02T00:00:00',
		});
		expect(normalize(body, INVOICE, JAKARTA).data).toEqual({
			Date: '2020-09-02T00:00:00.000+07:00',
		});
	});

	it('never mutates its input (deep-frozen body)', () => {
		const body = deepFreeze(
			JSON.parse(JSON.stringify({ ...CUSTOMER.example, Extra: { a: ['2020-09-02T00:00:00'] } })),
		);
		const before = JSON.stringify(body);
		const result = normalize(body, CUSTOMER, JAKARTA);
		expect(result.problems).toEqual([]);
		expect(result.data.Extra).toEqual({ a: ['2020-09-02T00:00:00.000+07:00'] });
		expect(JSON.stringify(body)).toBe(before);
		expect(result.data.Extra).not.toBe(body.Extra);
	});

	it('handles 10,000 levels of nesting', () => {
		const depth = 10_000;
		const text = '{"a":'.repeat(depth) + '"2020-09-02T00:00:00"' + '}'.repeat(depth);
		const result = normalize(JSON.parse(text), undefined, JAKARTA);
		expect(result.problems).toEqual([]);
		let node: unknown = result.data;
		for (let i = 0; i < depth; i++) node = (node as Record<string, unknown>).a;
		expect(node).toBe('2020-09-02T00:00:00.000+07:00');
	});

	it('handles 200,000-element arrays', () => {
		const line = (i: number) => ({
			VariantID: `v${i}`,
			Name: 'N',
			Code: 'C',
			Quantity: String(i),
			Discount: 0,
			Cost: 1,
			Price: 2,
		});
		const body = { Variants: Array.from({ length: 200_000 }, (_, i) => line(i)) };
		const result = normalize(body, TRANSFER, JAKARTA);
		const variants = result.data.Variants as Array<{ Quantity: number }>;
		expect(variants).toHaveLength(200_000);
		expect(variants[199_999].Quantity).toBe(199_999);
		expect(codes(result.problems)).toEqual([
			'required Outlet',
			'required Destination',
			'required Date',
			'required Number',
			'required State',
			'required CreatorID',
			'required Created',
		]);
	});

	it('keeps circular references (not JSON) instead of looping', () => {
		const body: Record<string, unknown> = { a: 1 };
		body.self = body;
		const result = normalize(body, undefined, JAKARTA);
		expect(result.data.self).toBe(body);
		expect(codes(result.problems)).toEqual(['type self']);
	});

	it('never throws, even on hostile objects', () => {
		const hostile = new Proxy(
			{},
			{
				ownKeys() {
					throw new Error('boom');
				},
			},
		);
		const result = normalize(hostile, undefined, JAKARTA);
		expect(result.problems).toEqual([
			{ path: '', code: 'type', message: 'The body could not be read: boom' },
		]);
		expect(
			normalize({ a: 1 }, undefined, undefined as unknown as { timezone: string }).data,
		).toEqual({ a: 1 });
	});

	it('non-JSON leaves (Date, Buffer) are kept as they are', () => {
		const date = new Date(0);
		expect(normalize({ d: date }, undefined, JAKARTA).data.d).toBe(date);
	});
});

describe('cloneJson', () => {
	it('copies deeply with own __proto__ keys', () => {
		const value = JSON.parse('{"__proto__":{"x":[1,{"y":"2020-09-02T00:00:00"}]}}') as Record<
			string,
			unknown
		>;
		const copy = cloneJson(value);
		expect(copy).not.toBe(value);
		expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
		expect(({} as Record<string, unknown>).x).toBeUndefined();
		expect(cloneJson('text')).toBe('text');
		expect(cloneJson([1, [2]])).toEqual([1, [2]]);
	});
});

describe('describeFieldType / tsTypeOf', () => {
	const cases: Array<[DealPosField, string, string]> = [
		[
			{ path: 'Date', type: 'string', format: 'date-time' },
			'date-time (ISO 8601 with offset) or null',
			'string | null',
		],
		[
			{ path: 'Date', type: 'string', format: 'date' },
			'date (YYYY-MM-DD) or null',
			'string | null',
		],
		[{ path: 'Void', type: 'string', format: 'yes-no' }, 'boolean (sent as "Yes"/"No")', 'boolean'],
		[{ path: 'ID', type: 'string', format: 'uuid' }, 'string (UUID)', 'string'],
		[{ path: 'Gross', type: 'integer' }, 'integer', 'number'],
		[{ path: 'Amount', type: 'number' }, 'number', 'number'],
		[{ path: 'Taxable', type: 'boolean' }, 'boolean', 'boolean'],
		[{ path: 'Name', type: 'string' }, 'string', 'string'],
		[
			{ path: 'Type', type: 'string', enum: ['Percentage', 'Amount'] },
			'string: "Percentage" or "Amount"',
			'string',
		],
		[{ path: 'Customer', type: 'object' }, 'object', 'IDataObject'],
		[{ path: 'Variants', type: 'array' }, 'array', 'unknown[]'],
		[{ path: 'Tags', type: 'array', itemsType: 'string' }, 'array of strings', 'Array<string>'],
	];
	it.each(cases)('%j', (field, description, tsType) => {
		expect(describeFieldType(field)).toBe(description);
		expect(tsTypeOf(field)).toBe(tsType);
	});
});

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
		Object.freeze(value);
	}
	return value;
}
