/** Numbers sent as decimal text: which texts are numbers, and which fit a double exactly. */

/** A decimal number: `150000`, `-2.5`, `.5`, `1.005E2`. */
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether `result` (`Number(text)`) stands for the decimal `text` without loss: finite, a safe
 * integer when integral, and printing back (shortest round trip, `String(result)`) to the same
 * decimal value. So `"100000.50"` and `"0.1"` pass; `"1.0000000000000001"` (1), `"1e-400"` (0),
 * `"1e400"` (Infinity) and `"12345678901234567890"` do not.
 */
export function holdsExactly(text: string, result: number): boolean {
	if (!Number.isFinite(result)) return false;
	if (Number.isInteger(result) && !Number.isSafeInteger(result)) return false;
	return canonicalDecimal(text) === canonicalDecimal(String(result));
}

/**
 * `digits e exponent` of a decimal that NUMBER accepts, without sign, leading or trailing zeros:
 * `"00100.500"` and `"1.005E2"` both give `1005e-1`; every zero gives `0`.
 */
function canonicalDecimal(text: string): string {
	const e = text.search(/[eE]/);
	const mantissa = (e < 0 ? text : text.slice(0, e)).replace(/^[+-]/, '');
	let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
	const dot = mantissa.indexOf('.');
	let digits = mantissa;
	if (dot >= 0) {
		digits = mantissa.slice(0, dot) + mantissa.slice(dot + 1);
		exponent -= mantissa.length - dot - 1;
	}
	const unpadded = digits.replace(/^0+/, '');
	const significant = unpadded.replace(/0+$/, '');
	if (significant === '') return '0';
	exponent += unpadded.length - significant.length;
	return `${significant}e${exponent}`;
}
