// @ts-check
'use strict';
// Generated DealPOS-like bodies for the normaliser's properties, shared by the property tests
// (test/normalize.property.test.ts, against the TypeScript sources) and the soak run
// (dev/load/soak.js, against dist/), so both exercise the same bodies. JavaScript (type-checked)
// so that the soak script can load it without a compiler. Bodies are JSON *text*, so that
// JSON.parse creates own `__proto__` keys as real DealPOS bodies would.

/** @typedef {import('../../nodes/DealPosTrigger/catalog').DealPosEvent} DealPosEvent */
/** @typedef {import('../../nodes/DealPosTrigger/catalog').DealPosField} DealPosField */

/**
 * The arbitraries, built over the catalog the caller passes in: `events` (allEvents()) and
 * `documentedFields(event)`, from the sources or from dist/. fast-check (a dev dependency) is
 * loaded here, not when dev/lib is: `npm test` and `npm run n8n` load dev/lib before installing.
 * @param {{ events: DealPosEvent[], documentedFields: (event: DealPosEvent) => DealPosField[] }} catalog
 */
function bodyArbitraries({ events, documentedFields }) {
	/** @type {typeof import('fast-check')} */
	const fc = require('fast-check');
	const pad = (n, width = 2) => String(n).padStart(width, '0');

	/** ISO-like timestamps with 0-7 fractional digits and optional offsets (some invalid, like 31 Feb). */
	const isoTimestamp = fc
		.record({
			year: fc.integer({ min: 1, max: 2200 }),
			month: fc.integer({ min: 1, max: 13 }),
			day: fc.integer({ min: 1, max: 31 }),
			hour: fc.integer({ min: 0, max: 23 }),
			minute: fc.integer({ min: 0, max: 59 }),
			second: fc.option(fc.integer({ min: 0, max: 59 })),
			fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 7 }),
			offset: fc.constantFrom('', '', 'Z', '+07:00', '-05:00', '+0530', '+00:00'),
		})
		.map(({ year, month, day, hour, minute, second, fraction, offset }) => {
			const seconds =
				second === null ? '' : `:${pad(second)}${fraction.length % 2 ? `.${fraction}` : ''}`;
			return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${seconds}${offset}`;
		});

	const dateLike = fc.oneof(
		isoTimestamp,
		fc.constantFrom(
			'2020-09-02T00:00:00',
			'2020-09-02T13:52:18.33',
			'2021-08-20T10:28:56.6691072',
			'2025-04-16T10:11:59.608095+07:00',
			'2023-03-19T16:59:59.999Z',
			'0001-01-01T00:00:00',
			'0001-01-01T00:00:00.0000000',
			'0001-01-01',
			'2020-07-01',
			'01 Sep 2020 00:00',
			'01 Sep 2020',
			'2020-13-45T99:99:99',
			'2021-03-14T02:30:00',
			'2021-10-31T02:30:00',
			'2020-09-02 13:52:18',
			'',
			'  ',
		),
	);

	const numberString = fc.oneof(
		fc.integer().map(String),
		fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
		fc.constantFrom(
			' 10 ',
			'100000.50',
			'150000',
			'1,000',
			'1e3',
			'abc',
			'',
			'12345678901234567890',
			'-0',
			'.5',
		),
	);

	const flagWord = fc.constantFrom('Yes', 'No', ' yes ', 'NO', 'true', 'False', 'Maybe', '');

	const leafValue = fc.oneof(
		{ weight: 3, arbitrary: dateLike },
		{ weight: 2, arbitrary: numberString },
		{ weight: 1, arbitrary: flagWord },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
		{ weight: 2, arbitrary: fc.integer() },
		{ weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
		{ weight: 1, arbitrary: fc.boolean() },
		{ weight: 1, arbitrary: fc.constant(null) },
	);
	const leafText = leafValue.map((value) => JSON.stringify(value));

	const DANGEROUS_KEYS = [
		'__proto__',
		'constructor',
		'prototype',
		'toString',
		'valueOf',
		'hasOwnProperty',
		'__defineGetter__',
	];
	const NAMES = [
		...new Set(events.flatMap((e) => documentedFields(e).map((f) => f.path.split(/[.[]/)[0]))),
	];

	const key = fc.oneof(
		{ weight: 2, arbitrary: fc.constantFrom(...DANGEROUS_KEYS, 'dealpos', 'line', 'body', '') },
		{ weight: 3, arbitrary: fc.constantFrom(...NAMES) },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
	);

	const objectText = (entries) =>
		`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

	const { json: jsonText } = fc.letrec((tie) => ({
		json: fc.oneof({ depthSize: 'small', maxDepth: 6 }, leafText, tie('array'), tie('object')),
		array: fc.array(tie('json'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
		object: fc.array(fc.tuple(key, tie('json')), { maxLength: 6 }).map(objectText),
	}));

	/** A flat object or a leaf: the elements of long arrays (lines). */
	const lineText = fc.oneof(
		leafText,
		fc.array(fc.tuple(key, leafText), { maxLength: 5 }).map(objectText),
	);

	/** A long array (500 to 3,000 elements) of one generated line. */
	const longArrayText = fc
		.tuple(fc.integer({ min: 500, max: 3000 }), lineText)
		.map(([length, element]) => `[${new Array(length).fill(element).join(',')}]`);

	/** Any body: mostly objects, sometimes arrays or scalars, sometimes with a long array inside. */
	const undocumentedBody = fc.oneof(
		{ weight: 6, arbitrary: fc.array(fc.tuple(key, jsonText), { maxLength: 8 }).map(objectText) },
		{ weight: 1, arbitrary: longArrayText.map((text) => `{"Variants":${text}}`) },
		{ weight: 1, arbitrary: jsonText },
	);

	/** Deeply nested bodies (1,000 to 3,000 levels of arrays and objects with dangerous keys). */
	const deepBody = fc
		.record({
			depth: fc.integer({ min: 1000, max: 3000 }),
			pattern: fc.array(fc.constantFrom('[', '__proto__', 'a', 'constructor'), {
				minLength: 1,
				maxLength: 5,
			}),
			leaf: leafText,
		})
		.map(({ depth, pattern, leaf }) => {
			const open = [];
			const close = [];
			for (let i = 0; i < depth; i++) {
				const kind = pattern[i % pattern.length];
				open.push(kind === '[' ? '[' : `{${JSON.stringify(kind)}:`);
				close.push(kind === '[' ? ']' : '}');
			}
			return `{"root":${open.join('')}${leaf}${close.reverse().join('')}}`;
		});

	/** shapeOf: documented positions in a body (props, items, field), for bodies that mix documented field names in. */

	function shapeOf(fields) {
		const root = { props: new Map() };
		for (const field of fields) {
			let node = root;
			const segments = field.path.split('.');
			segments.forEach((segment, s) => {
				const name = segment.replace(/(\[\])+$/, '');
				let next = node.props.get(name);
				if (!next) {
					next = { props: new Map() };
					node.props.set(name, next);
				}
				if (segment.endsWith('[]')) {
					next.items ??= { props: new Map() };
					node = next.items;
				} else {
					node = next;
				}
				if (s === segments.length - 1 && !segment.endsWith('[]')) next.field = field;
			});
		}
		return root;
	}

	/** A value for a documented field: usually plausible for its type, sometimes anything. */
	function valueFor(shape) {
		const field = shape.field;
		if (shape.props.size > 0)
			return fc.oneof({ weight: 5, arbitrary: objectFor(shape) }, { weight: 1, arbitrary: jsonText });
		if (shape.items && shape.items.props.size > 0) {
			return fc.oneof(
				{
					weight: 5,
					arbitrary: fc
						.array(objectFor(shape.items), { maxLength: 4 })
						.map((items) => `[${items.join(',')}]`),
				},
				{ weight: 1, arbitrary: jsonText },
			);
		}
		/** @type {import("fast-check").Arbitrary<unknown>} */
		let plausible = leafValue;
		if (field?.format === 'date-time' || field?.format === 'date') plausible = dateLike;
		else if (field?.format === 'yes-no' || field?.type === 'boolean')
			plausible = fc.oneof(flagWord, fc.boolean());
		else if (field?.type === 'number' || field?.type === 'integer')
			plausible = fc.oneof(
				numberString,
				fc.integer(),
				fc.double({ noNaN: true, noDefaultInfinity: true }),
			);
		else if (field?.type === 'string')
			plausible = fc.oneof(
				fc.string({ unit: 'grapheme', maxLength: 10 }),
				fc.integer(),
				fc.constant(''),
			);
		else if (field?.type === 'array') plausible = fc.array(leafValue, { maxLength: 4 });
		return fc.oneof(
			{ weight: 4, arbitrary: plausible.map((v) => JSON.stringify(v)) },
			{ weight: 1, arbitrary: jsonText },
		);
	}

	function objectFor(shape) {
		const documented = [...shape.props].map(([name, child]) =>
			fc.option(
				valueFor(child).map((text) => [name, text]),
				{ freq: 4 },
			),
		);
		return fc
			.tuple(fc.tuple(...documented), fc.array(fc.tuple(key, jsonText), { maxLength: 3 }))
			.map(([entries, extra]) =>
				objectText([...entries.filter((e) => e !== null), ...extra]),
			);
	}

	const documentedBody = fc
		.constantFrom(...events)
		.chain((event) => objectFor(shapeOf(documentedFields(event))).map((text) => ({ event, text })));

	return {
		dateLike,
		numberString,
		flagWord,
		leafValue,
		leafText,
		DANGEROUS_KEYS,
		key,
		objectText,
		jsonText,
		lineText,
		longArrayText,
		undocumentedBody,
		deepBody,
		documentedBody,
	};
}

module.exports = { bodyArbitraries };
