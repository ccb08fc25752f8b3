/**
 * Builds the n8n items of one DealPOS delivery. Pure: hashing is the only library call.
 *
 * Item shape (`json`):
 * - the payload's fields at top level (normalised, or exactly as received in raw mode);
 * - one metadata key `dealpos` ({@link DealPosMeta}), which replaces a payload field of that
 *   name; when the payload has its own `dealpos` (or, when splitting, `line`) field, the
 *   received body is kept in `dealpos.raw` so nothing is lost (for a split item: the parent
 *   fields and that item's line only, so the output stays linear in the number of lines);
 * - a body that is not a JSON object is under `body`: `{ body: [...], dealpos }`.
 *
 * With `splitLines`, a delivery with line items gives one item per line:
 * `{ ...parent fields without the line array, line: <the line>, dealpos: { ..., line: { field,
 * index, count } } }`. Each item carries the problems outside the line array plus those of its
 * own line. Without lines (no line array, or an empty one) there is one item with the record.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DealPosEvent } from '../catalog/types';
import { cloneJson, documentedFields, normalize, type Problem } from './normalize';

export interface DeliveryContext {
	/** Category slug: `invoice`. */
	category: string;
	/** Event key: `invoice.created`. */
	event: string;
	/** Display name: `Invoice Created`. */
	eventName: string;
	/** When the request arrived, ISO 8601. */
	receivedAt: string;
	/** 'sample': built from the documentation's example (examples/samples), not a delivery. */
	mode: 'test' | 'production' | 'sample';
	/** The request body exactly as received (for the delivery key). */
	rawBody: string;
	headers?: IDataObject;
}

export interface OutputOptions {
	output: 'normalised' | 'raw';
	timezone: string;
	splitLines: boolean;
	includeHeaders: boolean;
}

/** Position of an item's line in the delivery (split items only). */
export type DealPosLineInfo = {
	/** Name of the split array: `Variants`. */
	field: string;
	index: number;
	count: number;
};

/** The `dealpos` metadata key of every item. */
export type DealPosMeta = {
	category: string;
	event: string;
	eventName: string;
	receivedAt: string;
	mode: 'test' | 'production' | 'sample';
	/**
	 * Same for the same event and body, so DealPOS's retried duplicates can be dropped
	 * (first 32 hex digits of SHA-256 of `event + "\n" + rawBody`).
	 */
	deliveryKey: string;
	/** Mismatches with the catalog (empty when the delivery matches); in raw mode too. */
	problems: Problem[];
	line?: DealPosLineInfo;
	/** Request headers (with `includeHeaders`); credentials are redacted. */
	headers?: IDataObject;
	/**
	 * The body as received, when a payload field (`dealpos`, or `line` when splitting) was
	 * displaced by the item shape. Split items hold the parent and their own line only.
	 */
	raw?: unknown;
};

/** Top-level array DealPOS uses for line items when their fields are undocumented. */
const LINES_BY_NAME = 'Variants';

/** Header values never copied into items (they hold credentials). */
const REDACTED_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie']);
const REDACTED = '[redacted]';

/** Builds the items of one delivery; see the module comment for their shape. Never throws on JSON input. */
export function buildItems(
	body: unknown,
	documented: DealPosEvent | undefined,
	ctx: DeliveryContext,
	options: OutputOptions,
): { items: INodeExecutionData[]; problems: Problem[] } {
	const raw = options.output === 'raw';
	const { data, problems } = normalize(body, documented, { timezone: options.timezone, raw });
	const meta: DealPosMeta = {
		category: ctx.category,
		event: ctx.event,
		eventName: ctx.eventName,
		receivedAt: ctx.receivedAt,
		mode: ctx.mode,
		deliveryKey: deliveryKey(ctx.event, ctx.rawBody),
		problems,
	};
	if (options.includeHeaders && ctx.headers) meta.headers = redactHeaders(ctx.headers);

	const field = options.splitLines ? findLineArray(documented, data) : undefined;
	const lines = field === undefined ? undefined : (data[field] as unknown[]);
	const displaced =
		isObject(body) && (hasOwn(body, 'dealpos') || (lines !== undefined && hasOwn(body, 'line')));
	if (lines === undefined || field === undefined) {
		if (displaced) meta.raw = cloneJson(body);
		return { items: [{ json: itemJson(data, undefined, undefined, meta) }], problems };
	}
	const parent = without(data, field);
	const rawParent = displaced ? without(body as IDataObject, field) : undefined;
	const rawLines = displaced ? ((body as IDataObject)[field] as unknown[]) : undefined;
	const { common, byLine } = problemsByLine(problems, field);
	const items = lines.map((line, index): INodeExecutionData => {
		const first = index === 0;
		const lineMeta: DealPosMeta = {
			...meta,
			problems: common.concat(byLine.get(index) ?? []),
			line: { field, index, count: lines.length },
		};
		if (!first && meta.headers) lineMeta.headers = cloneJson(meta.headers);
		if (rawParent && rawLines) {
			// The received body as it concerns this item: the parent and this line only.
			lineMeta.raw = { ...cloneJson(rawParent), [field]: [cloneJson(rawLines[index])] };
		}
		return { json: itemJson(first ? parent : cloneJson(parent), field, line, lineMeta) };
	});
	return { items, problems };
}

/** First 32 hex digits of SHA-256 of `event + "\n" + rawBody`. */
export function deliveryKey(event: string, rawBody: string): string {
	return createHash('sha256').update(`${event}\n${rawBody}`, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The documented line array of an event: the first top-level array field (catalog order) that
 * has documented item fields (`Variants[].Quantity`) or is named `Variants` (DealPOS's line
 * items, undocumented for invoices and products). Arrays of scalars (`Tags`) never count.
 */
export function lineArrayField(event: DealPosEvent | undefined): string | undefined {
	if (!event) return undefined;
	const fields = documentedFields(event);
	const itemised = new Set(
		fields
			.map((f) => /^([^.[\]]+)\[\]\./.exec(f.path)?.[1])
			.filter((name): name is string => !!name),
	);
	const line = fields.find(
		(f) =>
			f.type === 'array' &&
			!f.itemsType &&
			!f.path.includes('.') &&
			(itemised.has(f.path) || f.path === LINES_BY_NAME),
	);
	return line?.path;
}

/**
 * The array to split `data` by, or undefined: the documented line array when the catalog names
 * one (and the value is a non-empty array); otherwise, by shape, `Variants` or else the first
 * top-level non-empty array whose elements are all plain objects.
 */
export function findLineArray(
	event: DealPosEvent | undefined,
	data: IDataObject,
): string | undefined {
	const documented = lineArrayField(event);
	if (documented !== undefined) return nonEmptyArray(data[documented]) ? documented : undefined;
	if (isArrayOfObjects(data[LINES_BY_NAME])) return LINES_BY_NAME;
	return Object.keys(data).find((key) => isArrayOfObjects(data[key]));
}

function itemJson(
	data: IDataObject,
	field: string | undefined,
	line: unknown,
	meta: DealPosMeta,
): IDataObject {
	const json: IDataObject = {};
	for (const key of Object.keys(data)) {
		if (key === 'dealpos' || (field !== undefined && (key === field || key === 'line'))) continue;
		setOwn(json, key, data[key]);
	}
	if (field !== undefined) json.line = line as IDataObject;
	json.dealpos = meta as unknown as IDataObject;
	return json;
}

/** Problems outside the line array (`common`), and those inside it by line index. */
function problemsByLine(
	problems: Problem[],
	field: string,
): { common: Problem[]; byLine: Map<number, Problem[]> } {
	const common: Problem[] = [];
	const byLine = new Map<number, Problem[]>();
	const prefix = `${field}[`;
	for (const problem of problems) {
		const index = problem.path.startsWith(prefix)
			? lineIndexOf(problem.path, prefix.length)
			: undefined;
		if (index === undefined) {
			common.push(problem);
		} else {
			const list = byLine.get(index);
			if (list) list.push(problem);
			else byLine.set(index, [problem]);
		}
	}
	return { common, byLine };
}

/** The number in `Variants[12].Name` starting at `start`, when followed by `]`. */
function lineIndexOf(path: string, start: number): number | undefined {
	const end = path.indexOf(']', start);
	if (end <= start) return undefined;
	const digits = path.slice(start, end);
	return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

function redactHeaders(headers: IDataObject): IDataObject {
	const copy = cloneJson(headers);
	for (const key of Object.keys(copy)) {
		if (REDACTED_HEADERS.has(key.toLowerCase())) setOwn(copy, key, REDACTED);
	}
	return copy;
}

/** Shallow copy of `data` without `key` (own keys, `__proto__` included). */
function without(data: IDataObject, key: string): IDataObject {
	const copy: IDataObject = {};
	for (const k of Object.keys(data)) if (k !== key) setOwn(copy, k, data[k]);
	return copy;
}

function nonEmptyArray(value: unknown): value is unknown[] {
	return Array.isArray(value) && value.length > 0;
}

function isArrayOfObjects(value: unknown): boolean {
	return nonEmptyArray(value) && value.every((element) => isObject(element));
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(object, key);
}

/** Assigns an own data property, also for the key `__proto__`. */
function setOwn(target: IDataObject, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		writable: true,
		enumerable: true,
		configurable: true,
	});
}
