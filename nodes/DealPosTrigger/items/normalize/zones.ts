/**
 * Time zones by name, resolved once: an IANA zone is wrapped in a cache of its offsets per hour.
 */
import { FixedOffsetZone, Info, Zone } from 'luxon';

import type { Problem } from './problems';
import { bodyProblem } from './problems';
import { describe } from './values';

const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 8_192;
const MAX_CACHED_ZONES = 512;

/**
 * An IANA zone whose offsets luxon looks up once per hour of time: luxon asks the zone for its
 * offset three or four times per parse and each lookup is an Intl call (about 12 µs). The cache
 * is derived from the time zone database only. An hour is cached only when its first and last
 * millisecond have the same offset, so transition hours are always computed exactly.
 */
class HourCachedZone extends Zone {
	private readonly offsets = new Map<number, number>();

	constructor(private readonly inner: Zone) {
		super();
	}

	get type(): string {
		return this.inner.type;
	}

	get name(): string {
		return this.inner.name;
	}

	get ianaName(): string {
		return this.inner.name;
	}

	get isUniversal(): boolean {
		return this.inner.isUniversal;
	}

	get isValid(): boolean {
		return this.inner.isValid;
	}

	offsetName(ts: number, options: Parameters<Zone['offsetName']>[1]): string | null {
		return this.inner.offsetName(ts, options);
	}

	formatOffset(ts: number, format: Parameters<Zone['formatOffset']>[1]): string {
		return this.inner.formatOffset(ts, format);
	}

	equals(other: Zone): boolean {
		return (
			this.inner.equals(other) || (other instanceof HourCachedZone && other.name === this.name)
		);
	}

	offset(ts: number): number {
		if (!Number.isFinite(ts)) return this.inner.offset(ts);
		const hour = Math.floor(ts / HOUR_MS);
		const known = this.offsets.get(hour);
		if (known !== undefined) return known;
		const first = this.inner.offset(hour * HOUR_MS);
		if (first !== this.inner.offset(hour * HOUR_MS + HOUR_MS - 1)) return this.inner.offset(ts);
		if (this.offsets.size >= MAX_CACHED_HOURS) this.offsets.clear();
		this.offsets.set(hour, first);
		return first;
	}
}

const zones = new Map<string, Zone>();

/** The zone for `name`; an unknown name gives UTC and a problem. */
export function resolveZone(name: unknown, problems: Problem[]): Zone {
	if (typeof name === 'string' && name.trim() !== '') {
		const known = zones.get(name);
		if (known) return known;
		const zone = Info.normalizeZone(name.trim());
		if (zone.isValid) {
			const usable = zone.type === 'iana' ? new HourCachedZone(zone) : zone;
			if (zones.size < MAX_CACHED_ZONES) zones.set(name, usable);
			return usable;
		}
	}
	problems.push(
		bodyProblem(
			'unparsed',
			`Unknown time zone ${describe(name)}; timestamps are expressed in UTC.`,
		),
	);
	return FixedOffsetZone.utcInstance;
}

/** Whether `name` is a time zone {@link resolveZone} knows (an IANA name, `UTC`, `UTC+7`). */
export function isTimeZone(name: string): boolean {
	const problems: Problem[] = [];
	resolveZone(name, problems);
	return problems.length === 0;
}
