import { invalidIpEntries, isIpAllowed, parseIp } from '../nodes/DealPosTrigger/auth/ipAllowList';

describe('isIpAllowed', () => {
	it('allows everyone when the list is empty or blank', () => {
		expect(isIpAllowed('', '198.51.100.1')).toBe(true);
		expect(isIpAllowed(' , ', undefined)).toBe(true);
		expect(isIpAllowed(undefined, undefined)).toBe(true);
	});

	it.each([
		['203.0.113.7', '203.0.113.7', true],
		['203.0.113.7', '203.0.113.8', false],
		// The core Webhook node matches by substring; exact matching does not let these in.
		['1.2.3.4', '11.2.3.45', false],
		['192.168.1', '192.168.1.20', false],
		['203.0.113.0/24', '203.0.113.255', true],
		['203.0.113.0/24', '203.0.114.1', false],
		['10.0.0.0/8', '10.255.1.2', true],
		['10.0.0.0/9', '10.128.0.1', false],
		['0.0.0.0/0', '198.51.100.1', true],
		['2001:db8::/32', '2001:db8:ffff::1', true],
		['2001:db8::/32', '2001:db9::1', false],
		['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
		['::1', '::1', true],
		// Node reports IPv4 callers on dual-stack sockets as IPv4-mapped IPv6.
		['203.0.113.7', '::ffff:203.0.113.7', true],
		['::ffff:203.0.113.0/120', '203.0.113.9', true],
		['fe80::1', 'fe80::1%eth0', true],
		['203.0.113.7', '[203.0.113.7]', true],
		['not-an-ip, 203.0.113.7', '203.0.113.7', true],
		['not-an-ip', 'not-an-ip', false],
	])('list %p, caller %p -> %p', (list, ip, expected) => {
		expect(isIpAllowed(list, ip)).toBe(expected);
	});

	it('refuses an unknown caller address when a list is set', () => {
		expect(isIpAllowed('203.0.113.7', undefined)).toBe(false);
		expect(isIpAllowed('203.0.113.7', '')).toBe(false);
	});

	it('accepts when any address of the trusted chain is listed, as the core node does', () => {
		expect(isIpAllowed('203.0.113.7', '10.0.0.1', ['203.0.113.7'])).toBe(true);
		expect(isIpAllowed('203.0.113.7', '10.0.0.1', '198.51.100.1, 203.0.113.7')).toBe(true);
		expect(isIpAllowed('203.0.113.7', '10.0.0.1', ['198.51.100.1'])).toBe(false);
	});
});

describe('parseIp', () => {
	it.each([
		'1.2.3',
		'1.2.3.4.5',
		'256.1.1.1',
		'01.2.3.4',
		'1.2.3.-1',
		'1::2::3',
		'1:2:3:4:5:6:7:8:9',
		'12345::',
		'g::1',
		'1.2.3.4::',
		'',
	])('refuses %p', (text) => {
		expect(parseIp(text)).toBeUndefined();
	});
	it('reads IPv4, IPv6 and embedded IPv4', () => {
		expect(parseIp('10.0.0.1')).toEqual([10, 0, 0, 1]);
		expect(parseIp('::')).toEqual(new Array(16).fill(0));
		expect(parseIp('64:ff9b::192.0.2.33')?.slice(12)).toEqual([192, 0, 2, 33]);
		expect(parseIp('1:2:3:4:5:6:7::')).toHaveLength(16);
	});
});

describe('invalidIpEntries', () => {
	it('lists what is neither an address nor a CIDR range', () => {
		expect(
			invalidIpEntries('203.0.113.7, 10.0.0.0/8, 192.168.1, 10.0.0.0/33, ::1/129, 2001:db8::/32, '),
		).toEqual(['192.168.1', '10.0.0.0/33', '::1/129']);
		expect(invalidIpEntries(undefined)).toEqual([]);
	});
});
