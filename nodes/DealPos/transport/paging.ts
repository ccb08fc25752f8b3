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
 * `PageNumber`), so it always ends.
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

function keyOf(record: IDataObject, index: number): unknown {
	return record.ID ?? record.Id ?? record.id ?? `#${index}`;
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
	const seen = new Set<unknown>();
	for (;;) {
		const { records, total } = await fetchPage(pageNumber, size);
		let fresh = 0;
		for (const record of records) {
			const key = keyOf(record, out.length);
			if (typeof key === 'string' && key.startsWith('#')) fresh++;
			else if (!seen.has(key)) {
				seen.add(key);
				fresh++;
			}
			out.push(record);
		}
		if (limit !== undefined && out.length >= limit) return out.slice(0, limit);
		if (records.length === 0) return out;
		if (fresh === 0) return out.slice(0, out.length - records.length);
		if (total !== undefined && out.length >= total) return out;
		if (records.length < size) {
			const more = total !== undefined ? out.length < total : !probed;
			if (!more || out.length % records.length !== 0) return out;
			size = records.length;
			pageNumber = out.length / size + 1;
			probed = true;
			continue;
		}
		pageNumber++;
	}
}
