import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export interface CodeBlock {
  language: string;
  code: string;
}

// Raw HTML in model output stays text; images are off because the panel loads nothing remote.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
markdown.disable('image');

const codeTokenTypes = new Set(['fence', 'code_block']);

// Each code block is wrapped with its index so the panel can attach Copy/Insert/Replace/Diff.
for (const type of codeTokenTypes) {
  const render = markdown.renderer.rules[type];
  if (!render) continue;
  markdown.renderer.rules[type] = (tokens, index, options, env, self) => {
    const counter = env as { codeBlocks: number };
    const blockIndex = counter.codeBlocks++;
    return `<div class="code-block" data-block="${blockIndex}">${render(tokens, index, options, env, self)}</div>`;
  };
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 's', 'del', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'span'],
  allowedAttributes: { a: ['href', 'title'], code: ['class'], div: ['class', 'data-block'], ol: ['start'] },
  allowedClasses: { code: [/^language-[\w+#.-]+$/], div: ['code-block'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** The allow-list pass over rendered HTML: the second layer, should markdown-it ever emit markup. */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Model markdown → HTML that is safe to put in the panel: rendered by markdown-it, then sanitized. */
export function renderMarkdown(source: string): string {
  const env = { codeBlocks: 0 };
  return sanitizeRendered(markdown.render(source, env));
}

/** The code blocks of a markdown answer, in the order `renderMarkdown` numbers them. */
export function extractCodeBlocks(source: string): CodeBlock[] {
  return markdown
    .parse(source, {})
    .filter((token) => codeTokenTypes.has(token.type))
    .map((token) => ({ language: token.info.trim().split(/\s+/)[0] ?? '', code: token.content }));
}
