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
 * The first item always has the whole parent; when repeating it on every line would exceed the
 * split budget ({@link SPLIT_BUDGET}), later items leave out its heaviest fields (and headers),
 * each named by an `omitted` problem in `dealpos.problems` (never in the returned problems).
 */
import { hash } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { DealPosEvent } from '../catalog/types';
import { cloneJson, documentedFields, normalize, type Problem } from './normalize';
import { recordKey } from './recordKey';

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
	/** 'catch-up': read from DealPOS's REST API by the DealPOS Catch-up Trigger, not delivered. */
	mode: 'test' | 'production' | 'sample' | 'catch-up';
	/**
	 * Same for the same event and body, so DealPOS's retried duplicates can be dropped
	 * (first 32 hex digits of SHA-256 of `event + "\n" + rawBody`).
	 */
	deliveryKey: string;
	/**
	 * The record's identity, `<category>:<identity>` (see recordKey.ts): the same for an invoice or
	 * a customer whether a delivery or the catch-up trigger brought it. Absent when unknown.
	 */
	recordKey?: string;
	/** Mismatches with the catalog (empty when the delivery matches); in raw mode too. */
	problems: Problem[];
	/**
	 * Present (true) when the body is exactly the event's synthetic example (built from the
	 * documented fields where DealPOS gives none, as `dealpos-send` and the samples send it):
	 * test data, not a record of the shop.
	 */
	syntheticExample?: true;
	line?: DealPosLineInfo;
	/** Request headers (with `includeHeaders`), as given: redacted by the caller. */
	headers?: IDataObject;
	/**
	 * The body as received, when a payload field (`dealpos`, or `line` when splitting) was
	 * displaced by the item shape. Split items hold the parent and their own line only.
	 */
	raw?: unknown;
};

/** Top-level array DealPOS uses for line items when their fields are undocumented. */
const LINES_BY_NAME = 'Variants';

/**
 * Split budget, in units of {@link jsonCost} (about a byte of JSON or of memory). Split items
 * repeat the parent (with its `dealpos.raw` copy and the headers) on every line: lines x that
 * may cost at most max(SPLIT_BUDGET, lines x LINE_BUDGET). SPLIT_BUDGET lets a heavy parent
 * repeat on a few lines (10 lines x 800 KB); LINE_BUDGET keeps an ordinary record header (an
 * invoice: about 1.7 KB, twice that with raw) on every line however many lines there are. So
 * the output is at most the body (first item), 8 MB, and 8 KB plus metadata per line.
 */
const SPLIT_BUDGET = 8_000_000;
const LINE_BUDGET = 8 * 1024;
/** Cost of one JSON value besides its characters: its slot in memory, punctuation in JSON. */
const VALUE_COST = 16;
/** Omitted parts named one problem each; the rest share one problem. */
const OMITTED_LISTED = 5;
/** Longer names are shortened in `omitted` problems (their paths are repeated per item). */
const NAME_MAX = 64;

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
	const identity = recordKey(ctx.category, body);
	if (identity !== undefined) meta.recordKey = identity;
	if (documented && meta.deliveryKey === syntheticKey(documented)) meta.syntheticExample = true;
	const headers = options.includeHeaders ? ctx.headers : undefined;

	const field = options.splitLines ? findLineArray(documented, data) : undefined;
	const lines = field === undefined ? undefined : (data[field] as unknown[]);
	const displaced =
		isObject(body) && (hasOwn(body, 'dealpos') || (lines !== undefined && hasOwn(body, 'line')));
	if (lines === undefined || field === undefined) {
		if (headers) meta.headers = cloneJson(headers);
		if (displaced) meta.raw = cloneJson(body);
		return { items: [{ json: itemJson(data, undefined, undefined, meta) }], problems };
	}
	const count = lines.length;
	const parent = without(data, field);
	const rawParent = displaced ? without(body as IDataObject, field) : undefined;
	const rawLines = displaced ? ((body as IDataObject)[field] as unknown[]) : undefined;
	const { common, byLine } = problemsByLine(problems, field);
	// Later items: the parent within the split budget (the first item has everything).
	const plan = splitPlan(parent, rawParent, headers, common, count);
	const laterParent = plan.omitted.size ? without(parent, plan.omitted) : parent;
	const laterRaw = rawParent && plan.omitted.size ? without(rawParent, plan.omitted) : rawParent;
	const items = lines.map((line, index): INodeExecutionData => {
		const first = index === 0;
		const lineMeta: DealPosMeta = {
			...meta,
			problems: first
				? common.concat(byLine.get(index) ?? [])
				: plan.common.concat(byLine.get(index) ?? [], plan.notes.map(omittedProblem)),
		};
		if (headers && (first || plan.headers)) lineMeta.headers = cloneJson(headers);
		lineMeta.line = { field, index, count };
		const received = first ? rawParent : laterRaw;
		if (received && rawLines) {
			// The received body as it concerns this item: the parent and this line only.
			lineMeta.raw = { ...cloneJson(received), [field]: [cloneJson(rawLines[index])] };
		}
		const json = first ? parent : cloneJson(laterParent);
		return { json: itemJson(json, field, line, lineMeta) };
	});
	return { items, problems };
}

/** What later split items carry (see {@link SPLIT_BUDGET}). */
interface SplitPlan {
	/** Parent keys left out of later items (and of their `dealpos.raw`). */
	omitted: Set<string>;
	/** Whether later items carry the headers. */
	headers: boolean;
	/** Problems outside the lines that later items carry (not those inside omitted fields). */
	common: Problem[];
	/** The `omitted` problems of each later item. */
	notes: Array<{ path: string; message: string }>;
}

/** One part of the parent repeated per item: a top-level key, or the headers (`key` undefined). */
type Part = {
	key: string | undefined;
	/** Cost per item (see {@link jsonCost}), with its problems; counted up to the line's share. */
	cost: number;
	value: unknown;
	/** At the top level of the items (not `dealpos` or `line`, which are only in the raw copy). */
	inJson: boolean;
	/** In `dealpos.raw`. */
	inRaw: boolean;
};

/**
 * Decides which parent parts later items leave out: none when lines x parent fits the budget,
 * else the heaviest first until it fits. O(parent): each part's cost is counted up to the most a
 * line may carry. Problems inside a part count with it and are left out with it.
 */
function splitPlan(
	parent: IDataObject,
	rawParent: IDataObject | undefined,
	headers: IDataObject | undefined,
	common: Problem[],
	count: number,
): SplitPlan {
	if (count < 2) return { omitted: new Set(), headers: true, common, notes: [] };
	const budget = Math.max(SPLIT_BUDGET, count * LINE_BUDGET);
	// A part costing more than a line may carry is left out whatever its exact cost.
	const cap = Math.floor(budget / count) + 1;
	const parts = new Map<string, Part>();
	const partOf = (key: string, value: unknown): Part => {
		let part = parts.get(key);
		if (!part) {
			part = { key, cost: VALUE_COST + key.length, value, inJson: false, inRaw: false };
			parts.set(key, part);
		}
		return part;
	};
	for (const key of Object.keys(parent)) {
		if (key === 'dealpos' || key === 'line') continue;
		const part = partOf(key, parent[key]);
		part.cost += jsonCost(parent[key], cap);
		part.inJson = true;
	}
	if (rawParent) {
		for (const key of Object.keys(rawParent)) {
			const part = partOf(key, rawParent[key]);
			part.cost += jsonCost(rawParent[key], cap);
			part.inRaw = true;
		}
	}
	let fixed = 0;
	const owners = common.map((problem) => {
		const owner = ownerOf(problem.path, parts);
		const cost = jsonCost(problem, cap);
		if (owner) owner.cost += cost;
		else fixed += cost;
		return owner;
	});
	const all = [...parts.values()];
	if (headers) {
		const cost = jsonCost(headers, cap);
		all.push({ key: undefined, cost, value: headers, inJson: false, inRaw: false });
	}
	let total = all.reduce((sum, part) => sum + part.cost, fixed);
	const left: Part[] = [];
	if (total * count > budget) {
		// Heaviest first (a stable sort: ties in key order).
		for (const part of all.sort((a, b) => b.cost - a.cost)) {
			if (total * count <= budget) break;
			left.push(part);
			total -= part.cost;
		}
	}
	const gone = new Set(left);
	const omitted = new Set<string>();
	for (const part of left) if (part.key !== undefined) omitted.add(part.key);
	return {
		omitted,
		headers: !left.some((part) => part.key === undefined),
		common: left.length ? common.filter((_, i) => !gone.has(owners[i] as Part)) : common,
		notes: omittedNotes(left, count),
	};
}

/** The part a problem is about: `Payments` for `Payments[3].Amount` (none for a missing field). */
function ownerOf(path: string, parts: Map<string, Part>): Part | undefined {
	for (let end = 1; end <= path.length; end++) {
		if (end < path.length && path[end] !== '.' && path[end] !== '[') continue;
		const part = parts.get(path.slice(0, end));
		if (part) return part;
	}
	return undefined;
}

/** The `omitted` problems of later items: one per part, the parts beyond a few in one. */
function omittedNotes(left: Part[], count: number): Array<{ path: string; message: string }> {
	const where = `on the first item only (dealpos.line.index 0)`;
	const why = `on ${count} line items would exceed the split budget. Turn off Split Line Items to get one item with everything.`;
	const listed = left.filter((part) => part.key === undefined || part.key.length <= NAME_MAX);
	const named = listed.length > OMITTED_LISTED + 1 ? listed.slice(0, OMITTED_LISTED) : listed;
	const rest = left.filter((part) => !named.includes(part));
	const notes = named.map((part) => {
		if (part.key === undefined) {
			return {
				path: 'dealpos.headers',
				message: `The request headers (dealpos.headers, ${sizeOf(part.value)}) are ${where}: repeating them ${why}`,
			};
		}
		const size = sizeOf(part.value);
		const also = part.inRaw
			? part.inJson
				? ', at top level and in dealpos.raw'
				: ', in dealpos.raw'
			: '';
		return {
			path: part.key,
			message: `${part.key}${size ? ` (${size})` : ''} is ${where}${also}: repeating it ${why}`,
		};
	});
	if (rest.length) {
		const names = rest.slice(0, 3).map((part) => shortName(part.key ?? 'dealpos.headers'));
		notes.push({
			path: '',
			message: `${rest.length} more ${rest.length === 1 ? 'field' : 'fields'} (${names.join(', ')}${rest.length > 3 ? ', ...' : ''}) are ${where}: repeating them ${why}`,
		});
	}
	return notes;
}

function omittedProblem(note: { path: string; message: string }): Problem {
	return { path: note.path, code: 'omitted', message: note.message };
}

/** `3000 entries`, `7 fields`, `500000 characters`; '' for other values. */
function sizeOf(value: unknown): string {
	if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
	if (isObject(value)) {
		const n = Object.keys(value).length;
		return `${n} ${n === 1 ? 'field' : 'fields'}`;
	}
	if (typeof value === 'string') return `${value.length} characters`;
	return '';
}

function shortName(name: string): string {
	return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 3)}...`;
}

/**
 * About the bytes of a JSON value, in JSON or in memory: {@link VALUE_COST} per value plus the
 * characters of its strings and keys. Stops counting above `cap`. Iterative (deep bodies).
 */
function jsonCost(value: unknown, cap: number): number {
	let cost = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0 && cost <= cap) {
		const next = stack.pop();
		cost += VALUE_COST;
		if (typeof next === 'string') {
			cost += next.length;
		} else if (Array.isArray(next)) {
			for (const element of next) stack.push(element);
		} else if (typeof next === 'object' && next !== null) {
			const object = next as IDataObject;
			for (const key of Object.keys(object)) {
				cost += key.length;
				stack.push(object[key]);
			}
		}
	}
	return cost;
}

/** Delivery keys of the synthetic examples, derived from the constant catalog once per event. */
const syntheticKeys = new WeakMap<DealPosEvent, string>();

/** The delivery key of `event`'s synthetic example as sent (`JSON.stringify`), or '' when it has none. */
function syntheticKey(event: DealPosEvent): string {
	let key = syntheticKeys.get(event);
	if (key === undefined) {
		key = event.exampleSource === 'synthetic' && event.example ? deliveryKey(event.key, JSON.stringify(event.example)) : '';
		syntheticKeys.set(event, key);
	}
	return key;
}

/**
 * First 32 hex digits of SHA-256 of `event + "\n" + rawBody`, with Node's one-shot `crypto.hash`
 * (Node 20.12 and later; every n8n that loads this package requires a newer Node).
 */
export function deliveryKey(event: string, rawBody: string): string {
	return hash('sha256', `${event}\n${rawBody}`, 'hex').slice(0, 32);
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
	// The usual item: the normaliser's own fresh copy of the body, which nothing else holds, gets
	// its metadata last; no second copy.
	if (field === undefined && !hasOwn(data, 'dealpos')) {
		data.dealpos = meta as unknown as IDataObject;
		return data;
	}
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

/** Shallow copy of `data` without `keys` (own keys, `__proto__` included). */
function without(data: IDataObject, keys: string | Set<string>): IDataObject {
	const copy: IDataObject = {};
	for (const k of Object.keys(data)) {
		if (typeof keys === 'string' ? k !== keys : !keys.has(k)) setOwn(copy, k, data[k]);
	}
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
