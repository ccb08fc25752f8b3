/** Small helpers over JSON-like values. */

export type Rec = Record<string, unknown>;

const objectPrototype = Object.prototype;

/** A JSON-style object: `{}`, `Object.create(null)` or an object literal of another realm. */
export function isPlainObject(value: unknown): value is Rec {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value) as object | null;
	return proto === objectPrototype || proto === null || Object.getPrototypeOf(proto) === null;
}

export function hasOwn(object: object, key: string): boolean {
	return objectPrototype.hasOwnProperty.call(object, key);
}

/** Sets an own data property; `__proto__` is defined rather than assigned (no prototype change). */
export function put(target: Rec, key: string, value: unknown): void {
	if (key === '__proto__') {
		Object.defineProperty(target, key, {
			value,
			writable: true,
			enumerable: true,
			configurable: true,
		});
	} else {
		target[key] = value;
	}
}

/** A short description of a value for problem messages. */
export function describe(value: unknown): string {
	if (typeof value === 'string') {
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	}
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return typeof value;
}

export function errorText(error: unknown): string {
	try {
		return error instanceof Error ? error.message : String(error);
	} catch {
		return 'unknown error';
	}
}
