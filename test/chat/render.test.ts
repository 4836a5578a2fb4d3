import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Parser } from 'htmlparser2';
import { extractCodeBlocks, renderMarkdown, sanitizeRendered } from '../../client/src/chat/render.js';

// Each payload carries the word "visible" so we can check the text survives as text.
const payloads = [
  '<script>alert("visible")</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT> visible',
  '<img src=x onerror=alert(1)> visible',
  '<svg onload=alert(1)><script>alert(2)</script></svg> visible',
  '<svg><a xlink:href="javascript:alert(1)"><text>visible</text></a></svg>',
  '[visible](javascript:alert(1))',
  '[visible](JaVaScRiPt:alert(1))',
  '[visible](java\tscript:alert(1))',
  '[visible](&#106;avascript:alert(1))',
  '[visible](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[visible](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">visible</a>',
  '<iframe src="https://evil.example"></iframe> visible',
  '<object data="evil.swf"></object><embed src="evil.swf"> visible',
  '<div onclick="alert(1)" onmouseover=alert(2)>visible</div>',
  '<body onload=alert(1)>visible',
  '<style>body{background:url(javascript:alert(1))}</style> visible',
  '<math><mtext></mtext><mglyph><svg><mtext><style><img src=x onerror=alert(1)></style></mtext></svg></mglyph></math> visible',
  '<<script>script>alert(1)<</script>/script> visible',
  '<scr<script>ipt>alert(1)</scr</script>ipt> visible',
  '<img """><script>alert(1)</script>"> visible',
  '<form action="javascript:alert(1)"><button>visible</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"> visible',
  '<base href="javascript:alert(1)//"> visible',
  '<input autofocus onfocus=alert(1)> visible',
  '<details open ontoggle=alert(1)> visible',
  '![visible](x" onerror="alert(1))',
  '```html\n<script>alert("visible")</script>\n```',
  '```"><script>alert(1)</script>\nvisible\n```',
  '<!--<script>alert(1)//--> visible',
  '<a href="https://ok.example" onclick="alert(1)">visible</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">visible',
  '<p style="background:url(javascript:alert(1))">visible</p>',
  '<link rel=stylesheet href=//evil.example/x.css> visible',
];

const forbiddenTags = new Set(['script', 'svg', 'math', 'iframe', 'object', 'embed', 'style', 'img', 'form', 'input', 'button', 'meta', 'base', 'link', 'body', 'details', 'noscript']);
const allowedSchemes = /^(https?:|mailto:)/i;

interface Inspection {
  tags: string[];
  attributes: Array<[string, string]>;
  text: string;
}

function inspect(html: string): Inspection {
  const found: Inspection = { tags: [], attributes: [], text: '' };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        found.tags.push(name);
        for (const [key, value] of Object.entries(attributes)) found.attributes.push([key, value]);
      },
      ontext(text) {
        found.text += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

function assertInert(html: string): Inspection {
  const found = inspect(html);
  for (const tag of found.tags) assert.ok(!forbiddenTags.has(tag), `tag <${tag}> survived in ${html}`);
  for (const [name, value] of found.attributes) {
    assert.ok(!name.startsWith('on'), `event handler ${name} survived in ${html}`);
    assert.ok(['href', 'title', 'class', 'data-block', 'start'].includes(name), `attribute ${name} survived in ${html}`);
    if (name === 'href') assert.match(value, allowedSchemes, `href ${value} survived`);
  }
  // Text may still spell `onerror=` or `javascript:` (escaped, inert); markup may not.
  assert.doesNotMatch(html, /<\s*\/?\s*(script|svg|img|iframe|style)/i);
  return found;
}

describe('renderMarkdown executes nothing from model output', () => {
  assert.ok(payloads.length >= 20);
  for (const payload of payloads) {
    it(`neutralises ${JSON.stringify(payload).slice(0, 70)}`, () => {
      const { text } = assertInert(renderMarkdown(payload));
      assert.match(text, /visible/, `the readable text was lost`);
    });
  }
});

describe('sanitizeRendered alone strips the same payloads as raw HTML', () => {
  for (const payload of payloads) {
    it(`strips ${JSON.stringify(payload).slice(0, 70)}`, () => {
      assertInert(sanitizeRendered(payload));
    });
  }
});

describe('renderMarkdown keeps ordinary answers intact', () => {
  it('renders headings, emphasis, lists, links and tables', () => {
    const html = renderMarkdown('## Findings\n\n1. **Timeout** is *missing*\n2. See [docs](https://example.com/x)\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    assert.match(html, /<h2>Findings<\/h2>/);
    assert.match(html, /<ol>\s*<li><strong>Timeout<\/strong> is <em>missing<\/em><\/li>/);
    assert.match(html, /<a href="https:\/\/example.com\/x">docs<\/a>/);
    assert.match(html, /<table>/);
  });

  it('shows raw HTML in prose as text, not markup', () => {
    const { text } = inspect(renderMarkdown('Use <b>bold</b> here'));
    assert.equal(text.trim(), 'Use <b>bold</b> here');
  });

  it('numbers code blocks and keeps their language class and escaped code', () => {
    const html = renderMarkdown('```ts\nconst url = "<a>";\n```\n\ntext\n\n```diff\n- a\n+ b\n```');
    assert.match(html, /<div class="code-block" data-block="0"><pre><code class="language-ts">const url = "&lt;a&gt;";/);
    assert.match(html, /<div class="code-block" data-block="1"><pre><code class="language-diff">/);
  });

  it('extracts code blocks in the same order, with their language and raw code', () => {
    assert.deepEqual(extractCodeBlocks('```ts\nconst a = 1;\n```\n\n    indented();\n\n```\nplain\n```'), [
      { language: 'ts', code: 'const a = 1;\n' },
      { language: '', code: 'indented();\n' },
      { language: '', code: 'plain\n' },
    ]);
  });

  it('drops a language class that is not a plain identifier', () => {
    const html = renderMarkdown('```ts" onclick="x\ncode\n```');
    assert.doesNotMatch(html, /onclick/);
  });
});
