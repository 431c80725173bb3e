// Root Prettier settings plus Angular's template parser for component .html files (the plain HTML
// parser does not understand @if/@for blocks). Prettier uses the nearest config, hence this file.
import root from '../../.prettierrc.json' with { type: 'json' };

export default {
  ...root,
  overrides: [{ files: '*.html', options: { parser: 'angular' } }],
};
