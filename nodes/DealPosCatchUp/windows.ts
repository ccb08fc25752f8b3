/**
 * The catch-up trigger's watermark and its windows. Pure functions on ISO days (`2026-11-29`).
 *
 * State (the node's static data, which n8n keeps with the workflow and, from 2.41, commits with
 * the execution the poll starts):
 * - `next`: the first day not yet read in full. Today is never complete, so after a window
 *   ending today `next` is today. The next poll reads from `next` minus the overlap: records
 *   dated a little late, or read in another time zone's day, are still found.
 * - `seen`: the record keys this node emitted, each under the last day of the window that returned
 *   it, while that day is still inside the overlap, so a poll
 *   emits a record once however many windows read it (the idea of n8n's Gmail Trigger's
 *   `possibleDuplicates`). Records brought by a webhook are not in it: *Remove Duplicates*, where
 *   the two paths meet, drops those.
 *
 * `next` moves only past windows read in full (every page); a poll that stops early (request
 * budget, rate limit, error) keeps it at the first window it did not finish.
 */
export interface CatchUpState {
	/** Which source the state is of (`invoice`); a state of another source is started afresh. */
	source?: string;
	next?: string;
	seen?: Record<string, string>;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is string {
	if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
	const time = Date.parse(`${value}T00:00:00Z`);
	// Date.parse rolls 2026-02-30 over to March: a real day prints back the same.
	return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in `timeZone` (the workflow's: DealPOS filters by the shop's day). */
export function today(now: Date, timeZone: string): string {
	try {
		return new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
		}).format(now);
	} catch {
		return now.toISOString().slice(0, 10);
	}
}

/** The first day to read: `next` minus the overlap, else the start date, else today minus the overlap. */
export function firstDay(state: CatchUpState, todayIs: string, overlapDays: number, startDate?: string): string {
	const first = isDay(state.next) ? addDays(state.next, -overlapDays) : isDay(startDate) ? startDate : addDays(todayIs, -overlapDays);
	return first > todayIs ? todayIs : first;
}

/** [from, to] windows of at most `size` days covering `first`..`last`, oldest first. */
export function windowsOf(first: string, last: string, size: number): Array<{ from: string; to: string }> {
	const out: Array<{ from: string; to: string }> = [];
	const step = Math.max(1, Math.floor(size));
	for (let from = first; from <= last; from = addDays(from, step)) {
		const end = addDays(from, step - 1);
		out.push({ from, to: end < last ? end : last });
	}
	return out;
}

/** `next` after the window ending `to` was read in full. */
export function nextAfter(to: string, todayIs: string): string {
	return to >= todayIs ? todayIs : addDays(to, 1);
}

/** `seen` without the days before `from` (never read again, so never needed again). */
export function prune(seen: Record<string, string>, from: string): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, day] of Object.entries(seen)) if (day >= from) kept[key] = day;
	return kept;
}
