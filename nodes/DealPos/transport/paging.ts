/**
 * Collects a paged DealPOS list (`PageNumber`, `PageSize`), whatever page size DealPOS honours.
 *
 * DealPOS documents 500 as the largest page (for shifts); what other lists do with a larger
 * `PageSize` is not documented, and a server may silently return fewer. So a short page is not
 * taken as the end while more records are expected: the page size the server actually returned
 * becomes the page size, and paging goes on from the next record (page number = records so far /
 * new size + 1, right whether the server pages by the size it was asked or the size it used).
 * More records are expected while fewer than `TotalCount` were read (lists `WithTotalCount`);
 * for bare arrays, after the first short page, once (an empty page then ends the list).
 *
 * Stops early at `limit`, and when a page brings only records already read (a server ignoring
 * `PageNumber`; records are told apart by ID, or by content for those without one), so it always
 * ends. A record with an ID is returned once, also when a record created meanwhile shifts it onto
 * the next page.
 */
import type { IDataObject } from 'n8n-workflow';

/** The largest page DealPOS documents (Shift: PageSize max 500). */
export const MAX_PAGE_SIZE = 500;

export interface Page {
	records: IDataObject[];
	/** `TotalCount`, for lists that give it. */
	total?: number;
}

export type PageFetcher = (pageNumber: number, pageSize: number) => Promise<Page>;

/** A record's ID, if it has one (inventory rows and loyalty entries have none). */
function idOf(record: IDataObject): unknown {
	return record.ID ?? record.Id ?? record.id;
}

export async function collectPages(
	fetchPage: PageFetcher,
	options: { limit?: number; maxPageSize?: number } = {},
): Promise<IDataObject[]> {
	const limit = options.limit;
	const max = options.maxPageSize ?? MAX_PAGE_SIZE;
	let size = limit !== undefined ? Math.max(1, Math.min(limit, max)) : max;
	let pageNumber = 1;
	let probed = false;
	const out: IDataObject[] = [];
	// Records the server returned, repeats included: the page arithmetic counts what it served.
	let read = 0;
	const ids = new Set<unknown>();
	const contents = new Set<string>();
	for (;;) {
		const { records, total } = await fetchPage(pageNumber, size);
		read += records.length;
		const before = out.length;
		let fresh = 0;
		for (const record of records) {
			const id = idOf(record);
			if (id === undefined || id === null) {
				// Kept even when alike (two equal rows are two rows); their content tells only
				// whether the page brought anything new.
				const content = JSON.stringify(record);
				if (!contents.has(content)) {
					contents.add(content);
					fresh++;
				}
				out.push(record);
			} else if (!ids.has(id)) {
				// A record the list shifted onto the next page (one created meanwhile) is returned once.
				ids.add(id);
				fresh++;
				out.push(record);
			}
		}
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		if (records.length === 0) return out;
		if (fresh === 0) return out.slice(0, before);
		if (total !== undefined && read >= total) return out;
		if (records.length < size) {
			const more = total !== undefined ? read < total : !probed;
			if (!more || read % records.length !== 0) return out;
			size = records.length;
			pageNumber = read / size + 1;
			probed = true;
			continue;
		}
		pageNumber++;
	}
}
