/** The walker: copies a body depth-first, in key order, coercing what the catalog documents. */
import { coerce, wrongType } from './coerce';
import { Cursor, Frame } from './cursor';
import { shapeString } from './dates';
import type { SchemaNode } from './schema';
import { hasOwn, isPlainObject, put, type Rec } from './values';

/** Copies (and coerces) a plain object with cursor `c`, without recursion. */
export function walk(root: Rec, schema: SchemaNode | undefined, c: Cursor): Rec {
	const out: Rec = {};
	const stack = c.stack;
	open(c, root, out, schema);
	while (stack.length > 0) {
		const f = stack[stack.length - 1];
		if (f.i === f.n) {
			stack.pop();
			c.ancestors.delete(f.src);
			continue;
		}
		const i = f.i++;
		c.frame = f;
		if (f.keys === null) {
			c.key = i;
			(f.dst as unknown[]).push(visit(c, (f.src as unknown[])[i], f.schema?.items));
		} else {
			const key = f.keys[i];
			c.key = key;
			put(f.dst as Rec, key, visit(c, (f.src as Rec)[key], f.schema?.props?.get(key)));
		}
	}
	return out;
}

/** Starts copying the container at the cursor's position into `dst`. */
function open(c: Cursor, src: Rec | unknown[], dst: Rec | unknown[], schema?: SchemaNode): void {
	const keys = Array.isArray(src) ? null : Object.keys(src);
	const frame = new Frame(src, dst, keys, schema, c.frame, c.key);
	c.ancestors.add(src);
	c.stack.push(frame);
	if (keys === null || schema === undefined) return;
	for (const key of schema.required) {
		if (!hasOwn(src, key) || (src as Rec)[key] === undefined) {
			c.frame = frame;
			c.key = key;
			c.report('required', 'Required by the DealPOS documentation but missing.');
		}
	}
}

/** The output value for `value` at the cursor; containers are opened as new frames. */
function visit(c: Cursor, value: unknown, schema: SchemaNode | undefined): unknown {
	if (typeof value === 'object' && value !== null) return visitObject(c, value, schema);
	if (schema === undefined)
		return typeof value === 'string' && !c.raw ? shapeString(value, c.zone, c.offsetNow) : value;
	const result = coerce(c, value, schema);
	return c.raw ? value : result;
}

function visitObject(c: Cursor, value: object, schema: SchemaNode | undefined): unknown {
	const isArray = Array.isArray(value);
	if (!isArray && !isPlainObject(value)) {
		// Not JSON data (Date, Buffer, class instance): kept as is.
		if (schema !== undefined) wrongType(c, value, schema.kind);
		return value;
	}
	let inner = schema;
	if (schema !== undefined) {
		if (schema.kind !== (isArray ? 'array' : 'object')) {
			wrongType(c, value, schema.kind);
			inner = undefined;
		} else if (isArray && schema.nonEmpty && (value as unknown[]).length === 0) {
			c.report('empty', 'Documented as non-empty but empty.');
		}
	}
	if (c.ancestors.has(value)) {
		c.report('type', 'Circular reference (not JSON); kept as received.');
		return value;
	}
	const copy: Rec | unknown[] = isArray ? [] : {};
	open(c, value as Rec | unknown[], copy, inner);
	return copy;
}
