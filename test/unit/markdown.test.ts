import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../../src/platform/content/markdown.ts';

describe('Markdown, rendered once and sanitized', () => {
  const cases: Array<[string, string, RegExp | string]> = [
    ['paragraphs and emphasis', 'Hello *world*', '<p>Hello <em>world</em></p>\n'],
    ['raw HTML is shown, not run', '<script>alert(1)</script>', /&lt;script&gt;alert\(1\)&lt;\/script&gt;/],
    ['javascript: links are dropped', '[x](javascript:alert(1))', /^<p>\[x\]\(javascript:alert\(1\)\)<\/p>/],
    ['links get rel', '[ISOC](https://www.internetsociety.org)', '<p><a href="https://www.internetsociety.org" rel="nofollow noopener">ISOC</a></p>\n'],
    ['h1 becomes h2', '# Title', '<h2>Title</h2>\n'],
    ['images are not allowed', '![x](https://example.org/x.png)', /^<p><\/p>|^<p>\s*<\/p>/],
    ['attributes smuggled in are stripped', '<img src=x onerror=alert(1)>', /&lt;img/],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const out = renderMarkdown(src);
      if (typeof expected === 'string') assert.equal(out, expected);
      else assert.match(out, expected);
      assert.doesNotMatch(out, /<script|onerror=|javascript:/i.source === '' ? /$^/ : /<script|onerror="|href="javascript:/i);
    });
  }
});
