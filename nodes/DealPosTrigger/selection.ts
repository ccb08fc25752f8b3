import { CUSTOM_EVENT, findCategory, findEvent, eventKey, isSlug, isSynchronous, toSlug } from './catalog';
import type { DealPosEvent } from './catalog';
import { customSlugsOf, customWebhookName, MAX_CUSTOM_EVENTS } from './webhooks';

/** One event the node listens to: a documented one, or a custom one the user named. */
export interface SelectedEvent {
	/** URL segment after the category: `created`. */
	slug: string;
	/** `customer.created`. */
	key: string;
	name: string;
	/** The catalog entry; undefined for custom (undocumented) events. */
	documented?: DealPosEvent;
	synchronous: boolean;
	/** The name of the webhook that serves it (`getWebhookName()`): the event key, or `custom-<n>`. */
	webhook: string;
}

/** A configuration the node cannot run with; the message says what to change. */
export class SelectionError extends Error {}

/**
 * Resolves the node's Category, Events and Custom Event Names parameters into the events it
 * listens to. Pure: the same parameters always give the same events (and URLs).
 */
export function resolveSelection(
	categorySlug: string,
	events: string[],
	customEventNames: string,
): SelectedEvent[] {
	const category = findCategory(categorySlug);
	if (!category) throw new SelectionError(`Unknown DealPOS category "${categorySlug}"`);
	const categorySync = isSynchronous(category);
	const selected = new Map<string, SelectedEvent>();

	for (const value of events) {
		if (value === CUSTOM_EVENT) continue;
		const documented = findEvent(eventKey(category.slug, value));
		if (!documented) {
			throw new SelectionError(`"${value}" is not an event of ${category.name}; pick it again in Event Names or IDs`);
		}
		selected.set(value, {
			slug: value,
			key: documented.key,
			name: documented.name,
			documented,
			synchronous: documented.synchronous,
			webhook: documented.key,
		});
	}

	if (events.includes(CUSTOM_EVENT)) {
		const custom = customSlugsOf({ category: category.slug, events, customEvents: customEventNames });
		if (custom.length > MAX_CUSTOM_EVENTS) {
			throw new SelectionError(
				`A DealPOS Trigger takes at most ${MAX_CUSTOM_EVENTS} custom events (${custom.length} named): use a second trigger for the others`,
			);
		}
		for (const name of customEventNames.split(',')) {
			if (!name.trim()) continue;
			const slug = toSlug(name);
			if (!isSlug(slug)) {
				throw new SelectionError(`Custom event name "${name.trim()}" has no letters or digits`);
			}
			if (selected.has(slug)) continue;
			const documented = findEvent(eventKey(category.slug, slug));
			selected.set(slug, {
				slug,
				key: eventKey(category.slug, slug),
				name: documented?.name ?? `${category.name} ${name.trim()} (custom)`,
				documented,
				synchronous: documented?.synchronous ?? categorySync,
				webhook: documented ? documented.key : customWebhookName(custom.indexOf(slug)),
			});
		}
	}
	return [...selected.values()];
}
