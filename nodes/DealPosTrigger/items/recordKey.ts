/**
 * The identity of a DealPOS record, the same whichever path brought it: a webhook delivery or the
 * catch-up trigger reading DealPOS's REST API. `dealpos.recordKey` is `<category>:<identity>`
 * (`invoice:1a7a1ce0-…`, `customer:c0042`), so *Remove Duplicates* keyed on it lets each record
 * through once where the two paths meet. Unlike `deliveryKey` it does not depend on the body's
 * bytes: the API's list record of an invoice and the webhook's invoice differ in fields.
 *
 * Only records whose identity field is documented in both places have one:
 * - invoice: `ID` (webhook Invoice Created `ID`; REST invoice lists `ID`);
 * - customer: `Code` (webhook Customer Created/Updated/Deleted carry `Code`, no `ID`; REST
 *   customer lists carry both).
 * Identities compare without case and surrounding spaces (DealPOS's IDs are GUIDs; the REST API
 * finds customers by code without case).
 */
export const RECORD_IDENTITY: Readonly<Record<string, string>> = Object.freeze({
	invoice: 'ID',
	customer: 'Code',
});

/** `<category>:<identity>` of `record`, or undefined when the category or the record has none. */
export function recordKey(category: string, record: unknown): string | undefined {
	const field = Object.prototype.hasOwnProperty.call(RECORD_IDENTITY, category) ? RECORD_IDENTITY[category] : undefined;
	if (field === undefined || record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
	const value = (record as Record<string, unknown>)[field];
	if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return undefined;
	const identity = String(value).trim().toLowerCase();
	return identity ? `${category}:${identity}` : undefined;
}
