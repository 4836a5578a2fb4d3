// What only the UI shows, driven with Playwright in headless Chromium against code-server:
// the squiggle under the hardcoded token (with its hover), and a streamed chat answer in the
// chat webview. Each check returns a short detail line or throws.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { FakeAnthropic } from '../chat/fakeAnthropic.js';

export interface UiContext {
  browser: BrowserContext;
  baseUrl: string;
  workspace: string;
  screenshots: string;
  fake: FakeAnthropic;
  apiKey: string;
}

/** The fake API streams this answer; the chat must show all of it. */
export const streamedAnswer = ['Rotate that token now: ', 'anyone with the repository ', 'can act as you on GitHub. ', 'Read it from `process.env.GITHUB_TOKEN` instead.'];

const uiTimeoutMs = 45_000;

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await input.press('Enter');
}

async function openFile(page: Page, relative: string): Promise<void> {
  await runCommand(page, 'Go to File...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(relative);
  const name = relative.split('/').pop() ?? relative;
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await input.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
}

export async function openWorkbench(context: UiContext): Promise<Page> {
  const page = await context.browser.newPage();
  page.setDefaultTimeout(uiTimeoutMs);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${context.baseUrl}/?folder=${encodeURIComponent(context.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
  return page;
}

/** The token on line 2 gets a red squiggle whose hover names the problem. */
export async function squiggleOnToken(page: Page, context: UiContext): Promise<string> {
  await openFile(page, 'src/github.ts');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const squiggle = editor.locator('.squiggly-error').first();
  await squiggle.waitFor({ state: 'visible' });

  // The squiggle sits on the view line that holds the token.
  const tokenLine = editor.locator('.view-line', { hasText: 'ghp_' });
  const [squiggleBox, lineBox] = await Promise.all([squiggle.boundingBox(), tokenLine.boundingBox()]);
  assert.ok(squiggleBox && lineBox, 'the squiggle and the token line are on screen');
  assert.ok(Math.abs(squiggleBox.y - lineBox.y) < lineBox.height, `squiggle at y=${squiggleBox.y}, token line at y=${lineBox.y}`);

  // Hovering it shows our message (VS Code renders the source and code after it).
  // The text layer sits above the squiggle layer, so hover over the squiggle's place, not the element.
  await page.mouse.move(squiggleBox.x + squiggleBox.width / 2, squiggleBox.y + squiggleBox.height / 2);
  const hover = page.locator('.monaco-hover-content', { hasText: 'A GitHub token' }).first();
  await hover.waitFor({ state: 'visible' });
  const hoverText = await hover.innerText();
  assert.match(hoverText, /integration-engineer/, 'the hover names the source');
  assert.match(hoverText, /hardcoded-credential/, 'the hover names the rule');

  const warnings = await editor.locator('.squiggly-warning').count();
  assert.ok(warnings >= 1, 'the fetch without a timeout has a warning squiggle');
  const screenshot = join(context.screenshots, 'squiggle.png');
  await page.screenshot({ path: screenshot });
  return `hover: "${hoverText.split('\n')[0].slice(0, 70)}…", ${warnings} warning squiggle(s); screenshot ${screenshot}`;
}

function chatFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Open Chat, ask, and see the fake API's streamed answer rendered in the webview. */
export async function chatStreamsAnswer(page: Page, context: UiContext): Promise<string> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Integration Engineer: Open Chat');
  const chat = chatFrame(page);
  // The script marks the body once its handlers are attached: typing before that is lost.
  await chat.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  const question = chat.locator('#question');
  await question.waitFor({ state: 'visible' });
  const asked = 'Why is the token on line 2 a problem?';
  await question.fill(asked);
  await question.press('Enter');

  // The turn is 'complete' once the stream's message_stop has arrived.
  const answer = chat.locator('article.turn.assistant.complete .turn-body').last();
  await answer.waitFor({ state: 'visible' });
  const shown = (await answer.innerText()).replace(/\s+/g, ' ').trim();
  for (const chunk of streamedAnswer) assert.ok(shown.includes(chunk.replace(/`/g, '').trim()), `the answer shows "${chunk}" (shown: "${shown}")`);
  await chat.locator('article.turn.user', { hasText: asked }).waitFor({ state: 'visible' });

  const request = context.fake.requests.find((r) => r.method === 'POST' && r.url.startsWith('/v1/messages'));
  assert.ok(request, `the fake API got a messages request (got: ${context.fake.requests.map((r) => `${r.method} ${r.url}`).join(', ') || 'none'})`);
  const sentKey = request.headers['x-api-key'] ?? request.headers.authorization?.replace(/^Bearer /, '');
  assert.equal(sentKey, context.apiKey, 'the key from ANTHROPIC_API_KEY was sent');
  assert.ok(request.rawBody.includes(asked), 'the question was sent');
  const screenshot = join(context.screenshots, 'chat.png');
  await page.screenshot({ path: screenshot });
  return `answer: "${shown.slice(0, 60)}…"; screenshot ${screenshot}`;
}
