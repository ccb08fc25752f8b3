/**
 * The optional allowed-IP list of the DealPOS Trigger, modelled on the core Webhook node's
 * "IP(s) Whitelist" option: a comma-separated list, empty means everyone, and a caller passes
 * when its address or any address of its trusted forwarding chain is listed.
 *
 * One deliberate difference: the core node matches by substring (`"1.2.3.4"` also lets
 * `"11.2.3.45"` in). Here an entry is an exact IPv4/IPv6 address or a CIDR range, and an entry
 * that is neither never matches ({@link invalidIpEntries} finds those so the node can refuse
 * to activate).
 *
 * Pure: no `node:net` (not allowed in community nodes), no I/O.
 */

/** An address as bytes: 4 for IPv4, 16 for IPv6. IPv4-mapped IPv6 addresses become IPv4. */
type IpBytes = number[];

interface IpRange {
	bytes: IpBytes;
	prefix: number;
}

function parseIpv4(text: string): IpBytes | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes: IpBytes = [];
	for (const part of parts) {
		// Decimal only, no leading zeros: "010" is octal to some parsers, so it is refused.
		if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
		const value = Number(part);
		if (value > 255) return undefined;
		bytes.push(value);
	}
	return bytes;
}

/** Parses colon-separated hex groups; only the address's very last group may be dotted IPv4. */
function parseIpv6Groups(text: string, endsAddress: boolean): number[] | undefined {
	if (text === '') return [];
	const groups: number[] = [];
	const parts = text.split(':');
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		if (endsAddress && i === parts.length - 1 && part.includes('.')) {
			const v4 = parseIpv4(part);
			if (!v4) return undefined;
			groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
		} else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
			groups.push(parseInt(part, 16));
		} else {
			return undefined;
		}
	}
	return groups;
}

function parseIpv6(text: string): IpBytes | undefined {
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const compressed = halves.length === 2;
	const head = parseIpv6Groups(halves[0], !compressed);
	const tail = compressed ? parseIpv6Groups(halves[1], true) : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (compressed ? missing < 1 : missing !== 0) return undefined;
	const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
	return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function isV4Mapped(bytes: IpBytes): boolean {
	return bytes.length === 16 && V4_MAPPED_PREFIX.every((b, i) => bytes[i] === b);
}

/**
 * Parses an IPv4 or IPv6 address (`[::1]` brackets and `%zone` suffixes allowed). IPv4-mapped
 * IPv6 (`::ffff:10.0.0.1`, what Node reports on dual-stack sockets) is returned as IPv4.
 */
export function parseIp(text: string): IpBytes | undefined {
	let t = text.trim();
	if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
	const zone = t.indexOf('%');
	if (zone !== -1) t = t.slice(0, zone);
	const bytes = t.includes(':') ? parseIpv6(t) : parseIpv4(t);
	if (bytes && isV4Mapped(bytes)) return bytes.slice(12);
	return bytes;
}

function parseRange(entry: string): IpRange | undefined {
	const slash = entry.indexOf('/');
	const bytes = parseIp(slash === -1 ? entry : entry.slice(0, slash));
	if (!bytes) return undefined;
	if (slash === -1) return { bytes, prefix: bytes.length * 8 };

	const prefixText = entry.slice(slash + 1).trim();
	if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
	let prefix = Number(prefixText);
	// "::ffff:10.0.0.0/104" was parsed as IPv4: its prefix counts the 96 mapped bits.
	if (bytes.length === 4 && entry.includes(':')) prefix -= 96;
	if (prefix < 0 || prefix > bytes.length * 8) return undefined;
	return { bytes, prefix };
}

function inRange(address: IpBytes, range: IpRange): boolean {
	if (address.length !== range.bytes.length) return false;
	for (let bit = 0; bit < range.prefix; bit += 8) {
		const bits = Math.min(8, range.prefix - bit);
		const mask = (0xff << (8 - bits)) & 0xff;
		const i = bit / 8;
		if ((address[i] & mask) !== (range.bytes[i] & mask)) return false;
	}
	return true;
}

function entriesOf(list: string): string[] {
	return list
		.split(',')
		.map((e) => e.trim())
		.filter((e) => e !== '');
}

/** The entries of an allowed-IP list that are neither an IP address nor a CIDR range. */
export function invalidIpEntries(list: string | undefined): string[] {
	return entriesOf(list ?? '').filter((e) => parseRange(e) === undefined);
}

/**
 * Whether a caller may reach the webhook.
 *
 * @param list - Comma-separated IPv4/IPv6 addresses and CIDR ranges. Empty or blank: everyone.
 * @param ip - The caller's address as n8n sees it (`req.ip`: the socket address, or the client
 *   address Express derived from trusted proxies when n8n's `N8N_PROXY_HOPS` is set).
 * @param forwardedFor - The trusted forwarding chain, as n8n's Webhook node uses it: pass
 *   `req.ips` (an array, or a comma-separated string). Never pass the raw `X-Forwarded-For`
 *   header: the caller writes it and could claim any address.
 * @returns `true` when the list is empty, or when `ip` or any address of `forwardedFor` lies in
 *   an entry. Unparseable entries and addresses never match.
 */
export function isIpAllowed(
	list: string | undefined,
	ip: string | undefined,
	forwardedFor?: string | readonly string[],
): boolean {
	const entries = entriesOf(list ?? '');
	if (entries.length === 0) return true;
	const ranges = entries.map(parseRange).filter((r): r is IpRange => r !== undefined);

	const chain = typeof forwardedFor === 'string' ? forwardedFor.split(',') : (forwardedFor ?? []);
	const candidates = [ip, ...chain]
		.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
		.map(parseIp)
		.filter((b): b is IpBytes => b !== undefined);

	return candidates.some((address) => ranges.some((range) => inRange(address, range)));
}
