/**
 * Where a walk is: one mutable cursor per call holds the call's state (time zone, mode, problems
 * found, containers on the current path) and the position of the value being visited (its
 * container's frame and its key). The walker moves it before each visit, so visiting a value
 * allocates nothing; a path string is built only when a problem is reported.
 */
import type { Zone } from 'luxon';

import type { Problem, ProblemCode } from './problems';
import type { SchemaNode } from './schema';
import type { Rec } from './values';

/** A container being copied; the explicit stack of these replaces recursion. */
export class Frame {
	i = 0;
	readonly n: number;

	constructor(
		readonly src: Rec | unknown[],
		readonly dst: Rec | unknown[],
		/** Own enumerable keys of an object; `null` for an array. */
		readonly keys: string[] | null,
		readonly schema: SchemaNode | undefined,
		/** The container holding this one; `null` for the root. */
		readonly parent: Frame | null,
		/** This container's key in `parent`. */
		readonly key: string | number,
	) {
		this.n = keys ? keys.length : (src as unknown[]).length;
	}
}

/**
 * The most problems a body lists. A body's problems are bounded by its size only: a 16 MB body of
 * empty lines would otherwise list tens of millions (gigabytes), from anyone who can post to a
 * trigger without authentication. The rest are counted in one `omitted` problem.
 */
export const MAX_PROBLEMS = 1000;

export class Cursor {
	/** The container of the current value; `null` at the root. */
	frame: Frame | null = null;
	/** The current value's key in `frame`. */
	key: string | number = '';
	/** Containers being copied, innermost last. */
	readonly stack: Frame[] = [];
	/** Containers on the current path, to survive cyclic (non-JSON) input. */
	readonly ancestors = new Set<object>();

	constructor(
		readonly zone: Zone,
		/** Copy without coercion (validation only). */
		readonly raw: boolean,
		readonly problems: Problem[] = [],
	) {}

	private zoneOffsetNow: number | undefined;

	/** The zone's UTC offset now, read once per body when a date needs it: luxon's first guess for local times (dates.ts). */
	readonly offsetNow = (): number => {
		if (this.zoneOffsetNow === undefined) this.zoneOffsetNow = this.zone.offset(Date.now());
		return this.zoneOffsetNow;
	};

	/** Problems not listed: those past {@link MAX_PROBLEMS}. */
	unlisted = 0;

	/** Lists a problem of the current value (up to {@link MAX_PROBLEMS}; the rest are counted). */
	report(code: ProblemCode, message: string): void {
		if (this.problems.length >= MAX_PROBLEMS) {
			this.unlisted++;
			return;
		}
		this.problems.push({ path: this.path(), code, message });
	}

	/** The current value's path: `Customer.Name`, `Variants[3].Quantity`, `''` for the body. */
	path(): string {
		const keys: Array<string | number> = [this.key];
		for (let f = this.frame; f !== null && f.parent !== null; f = f.parent) keys.push(f.key);
		let path = '';
		for (let i = keys.length - 1; i >= 0; i--) {
			const part = keys[i];
			path += typeof part === 'number' ? `[${part}]` : path === '' ? part : `.${part}`;
		}
		return path;
	}
}
