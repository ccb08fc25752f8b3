import { CATEGORIES } from './events';
import { eventPath } from './index';

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
		const sync = category.events.some((e) => e.synchronous);
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
