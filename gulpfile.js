'use strict';
// Copies the static files n8n reads next to the compiled code: icons (themed light/dark SVG)
// and the codex files (*.node.json) of the nodes.
const { src, dest, parallel } = require('gulp');

function icons() {
	return src('icons/**/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function nodeAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = parallel(icons, nodeAssets);
exports.default = exports.build;
