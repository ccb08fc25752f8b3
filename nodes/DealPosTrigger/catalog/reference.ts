import { CATEGORIES } from './events.generated';
import { describeFieldType } from '../items/fieldTypes';
import { eventPath, findEvent, isSynchronous } from './index';
import type { DealPosEvent } from './types';

/** Markdown-safe cell text. */
function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The README's event table, generated from the catalog: one row per documented event, and one
 * row per category for the events the documentation does not name (custom events).
 */
export function eventTable(): string {
	const rows = [
		'| Category | Event | URL suffix | When DealPOS sends it | DealPOS waits for the answer |',
		'| --- | --- | --- | --- | --- |',
	];
	for (const category of CATEGORIES) {
		const sync = isSynchronous(category);
		for (const event of category.events) {
			rows.push(
				`| ${cell(category.name)} | ${cell(event.name)} | \`${eventPath(category.slug, event.slug)}\` | ${cell(event.description)} | ${event.synchronous ? 'yes' : 'no'} |`,
			);
		}
		rows.push(
			`| ${cell(category.name)} | Custom Event (any name you give it) | \`${eventPath(category.slug, '<name>')}\` | ${category.events.length ? 'Events of this category that the DealPOS documentation does not list' : 'No event of this category is documented: name the events DealPOS sends'} | ${sync ? 'yes' : 'no'} |`,
		);
	}
	return rows.join('\n');
}

/** "Payment Created (`invoice-payment.created`)" for a borrowedFrom key. */
function eventLabel(key: string): string {
	return `${findEvent(key)?.name ?? key} (\`${key}\`)`;
}

/** Where an event's fields come from, for the field reference. */
export function shapeSource(event: DealPosEvent): string {
	const sources = [...new Set(event.fields.map((f) => f.borrowedFrom).filter((k): k is string => !!k))];
	if (!sources.length) return 'Shape: documented by DealPOS.';
	const own = event.fields.filter((f) => !f.borrowedFrom).length;
	const from = sources.map(eventLabel).join(' and ');
	return own
		? `Shape: ${own} fields documented by DealPOS; the fields marked *borrowed* are undocumented here and typed like ${from}.`
		: `Shape: not documented by DealPOS for this event; borrowed from ${from} (DealPOS sends one body shape per category), typed like there, never required.`;
}

/**
 * The field reference, generated from the catalog: for each documented event, its fields with the
 * type they have in a normalised item and where their shape comes from.
 */
export function fieldReference(): string {
	const parts: string[] = [];
	for (const category of CATEGORIES) {
		for (const event of category.events) {
			if (!event.fields.length) continue;
			const rows = event.fields.map((f) => {
				const flags = [
					f.required ? 'required' : '',
					f.nonEmpty ? 'non-empty' : '',
					f.borrowedFrom ? `*borrowed* from ${eventLabel(f.borrowedFrom)}` : '',
				]
					.filter(Boolean)
					.join(', ');
				return `| \`${f.path}\` | ${cell(describeFieldType(f))} | ${flags} |`;
			});
			const partial = event.documented === 'partial' ? ' The documentation of this event is incomplete: other fields arrive too, kept as sent.' : '';
			const example = event.exampleSource === 'synthetic' ? ' DealPOS gives no example: `dealpos-send` and the sample items use a synthetic one built from these fields.' : '';
			parts.push(
				[
					`<details><summary><b>${cell(event.name)}</b> (<code>${event.key}</code>, ${event.fields.length} fields)</summary>`,
					'',
					`${cell(event.description)}${partial}`,
					'',
					`${shapeSource(event)}${example}`,
					'',
					'| Field | Type in the item | Documented as |',
					'| --- | --- | --- |',
					...rows,
					'',
					'</details>',
				].join('\n'),
			);
		}
	}
	return parts.join('\n\n');
}

const GENERATED = '<!-- Generated from the event catalog by `npm run generate`: do not edit. -->';

/** docs/events.generated.md: the event reference, whole. */
export function eventsDocument(): string {
	return [
		GENERATED,
		'',
		'# DealPOS Trigger: event reference',
		'',
		'Every DealPOS webhook event the trigger knows, and the end of its URL: each selected event has its',
		'own URL `https://<your n8n>/webhook/<webhook id>/<suffix>`, listed in the node under *Webhook URLs*.',
		'Events the DealPOS documentation does not name are received as custom events. What each event\'s',
		'item holds: [field reference](fields.generated.md).',
		'',
		eventTable(),
		'',
	].join('\n');
}

/** docs/fields.generated.md: the field reference, whole. */
export function fieldsDocument(): string {
	return [
		GENERATED,
		'',
		'# DealPOS Trigger: field reference',
		'',
		'What each documented field is in a normalised item, and where each event\'s shape comes from:',
		'documented by DealPOS, or *borrowed* from a documented sibling (DealPOS sends one body shape for',
		'the Created, Updated and Deleted events of a category). Fields DealPOS sends beyond these are kept',
		'as sent. Events: [event reference](events.generated.md).',
		'',
		fieldReference(),
		'',
	].join('\n');
}
