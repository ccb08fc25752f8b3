'use strict';
// Copies the static files n8n reads next to the compiled code: icons (themed light/dark SVG)
// and the codex files (*.node.json) of the nodes.
const { src, dest, parallel } = require('gulp');
const { Transform } = require('node:stream');

/** Renames files in a gulp stream (gulp-rename without the dependency). */
function rename(name) {
	return new Transform({
		objectMode: true,
		transform(file, _enc, done) {
			file.basename = name;
			done(null, file);
		},
	});
}

function icons() {
	return src('icons/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function nodeAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

/** The dealpos-send command (package.json "bin"): a CLI, never loaded by n8n. */
function cli() {
	return src('scripts/send.js').pipe(rename('dealpos-send.js')).pipe(dest('dist/bin'));
}

exports.build = parallel(icons, nodeAssets, cli);
exports.default = exports.build;
