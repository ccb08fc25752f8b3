import { CATEGORIES } from './events.generated';
import type { DealPosCategory, DealPosEvent } from './types';

export type * from './types';
export { CATEGORIES };

/** Option value of the "custom event" choice in the Events selection. */
export const CUSTOM_EVENT = '__custom';

/** URL segments we accept: lowercase words joined by single hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const byCategory = new Map<string, DealPosCategory>(CATEGORIES.map((c) => [c.slug, c]));
const byKey = new Map<string, DealPosEvent>();
for (const category of CATEGORIES) {
	for (const event of category.events) byKey.set(event.key, event);
}

export function isSlug(value: string): boolean {
	return SLUG.test(value);
}

/** Turns a name a user typed ("Invoice Restored", "invoice_restored") into a URL segment. */
export function toSlug(name: string): string {
	return name
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Whether DealPOS waits for, and uses, the answer to the category's events (loyalty). */
export function isSynchronous(category: DealPosCategory): boolean {
	return category.events.some((e) => e.synchronous);
}

export function findCategory(slug: string): DealPosCategory | undefined {
	return byCategory.get(slug);
}

/** The documented event `<category>.<event>`, or undefined for a custom (undocumented) one. */
export function findEvent(key: string): DealPosEvent | undefined {
	return byKey.get(key);
}

export function eventKey(categorySlug: string, eventSlug: string): string {
	return `${categorySlug}.${eventSlug}`;
}

/** Every documented event, in documentation order. */
export function allEvents(): DealPosEvent[] {
	return [...byKey.values()];
}

/** The URL path of an event after `/webhook/<webhookId>/` (or `/webhook-test/<webhookId>/`). */
export function eventPath(categorySlug: string, eventSlug: string): string {
	return `${categorySlug}/${eventSlug}`;
}
