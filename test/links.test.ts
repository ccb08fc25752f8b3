import { markdownFiles, readRepoFile, repoPathExists } from '../dev/lib';

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
	const found = new Set<string>();
	for (const line of markdown.split('\n')) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (heading) found.add(anchorOf(heading[1]));
	}
	return found;
}

/** Relative links of a Markdown text: `[text](target)` and `![alt](target)`, outside code blocks. */
function relativeLinks(markdown: string): string[] {
	const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	const links: string[] = [];
	for (const match of text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
		const target = match[1];
		if (/^[a-z]+:/i.test(target)) continue;
		links.push(target);
	}
	return links;
}

const files = markdownFiles();

describe('Markdown links', () => {
	it('finds the documents', () => {
		expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/production.md', 'docs/benchmarks.md']));
	});

	it.each(files)('every relative link in %s resolves', (file) => {
		const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
		const broken: string[] = [];
		for (const link of relativeLinks(readRepoFile(file))) {
			const [target, anchor] = link.split('#');
			const resolved = target ? normalize(dir ? `${dir}/${target}` : target) : file;
			if (!repoPathExists(resolved)) {
				broken.push(`${link} (no ${resolved})`);
				continue;
			}
			if (anchor && resolved.endsWith('.md') && !anchors(readRepoFile(resolved)).has(anchor)) {
				broken.push(`${link} (no heading #${anchor} in ${resolved})`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('the README stays short (user documentation only)', () => {
		expect(Buffer.byteLength(readRepoFile('README.md'))).toBeLessThan(15000);
	});
});

/** `a/b/../c` -> `a/c`; a trailing slash is dropped. */
function normalize(path: string): string {
	const parts: string[] = [];
	for (const part of path.split('/')) {
		if (part === '..') parts.pop();
		else if (part && part !== '.') parts.push(part);
	}
	return parts.join('/');
}
