// What only the UI shows, driven with Playwright in headless Chromium against code-server:
// the squiggle under the hardcoded token (with its hover); in the chat webview a streamed
// answer, Stop, Insert at Cursor, the rejected-key error with Set API Key, and Ask About
// Selection with the secret redacted; and @integration in VS Code's own Chat view (where the
// harness's stand-in chat model only lets VS Code dispatch the request).
// Each check returns a short detail line or throws (or throws `UiSkip` when the thing it needs
// does not exist in this VS Code).
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { FakeAnthropic, RecordedRequest, Reply } from '../chat/fakeAnthropic.js';
import { fixTitle, QUICK_FIX_FILE, quickFixTarget } from './quickFixRule.js';
import { serverProcesses, type ServerProcess } from './serverProcess.js';

export interface UiContext {
  browser: BrowserContext;
  baseUrl: string;
  workspace: string;
  screenshots: string;
  fake: FakeAnthropic;
  apiKey: string;
  /** The harness as a remote URI: loaded as the development extension for its stand-in chat model. */
  harness: string;
}

/** The fake API streams this answer; the chat must show all of it. */
export const streamedAnswer = ['Rotate that token now: ', 'anyone with the repository ', 'can act as you on GitHub. ', 'Read it from `process.env.GITHUB_TOKEN` instead.'];

const uiTimeoutMs = 45_000;

/** The quick pick's top row once it shows `text`: Enter picks the top row, which may still be a stale one. */
function firstPick(page: Page, text: string): ReturnType<Page['locator']> {
  return page.locator('.quick-input-widget .monaco-list-row').first().filter({ hasText: text });
}

/** How long one opening of the palette waits for the command before it is opened again. */
const paletteAttemptMs = 5_000;

/**
 * Runs a command through the palette. The palette lists the commands known when it opens: in a
 * window whose extensions are still being registered (a slow first window), ours appear only in
 * a later opening, so it is opened again until the command shows or the UI timeout passes.
 */
async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + uiTimeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const shown = await firstPick(page, title)
      .waitFor({ state: 'visible', timeout: Math.min(paletteAttemptMs, Math.max(1, deadline - Date.now())) })
      .then(() => true, (error: Error) => (Date.now() < deadline ? false : Promise.reject(error)));
    if (shown) break;
    await page.keyboard.press('Escape');
  }
  await input.press('Enter');
}

async function openFile(page: Page, relative: string): Promise<void> {
  await runCommand(page, 'Go to File...');
  const input = page.locator('.quick-input-widget input');
  await input.fill(relative);
  const name = relative.split('/').pop() ?? relative;
  await firstPick(page, name).waitFor({ state: 'visible' });
  await input.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ state: 'visible' });
}

/** A window on `workspace` (the UI checks' own by default); `environment` is added to its extension host's. */
export async function openWorkbench(context: UiContext, workspace = context.workspace, environment?: Record<string, string>): Promise<Page> {
  const page = await context.browser.newPage();
  page.setDefaultTimeout(uiTimeoutMs);
  await page.setViewportSize({ width: 1400, height: 900 });
  const payload = [['extensionDevelopmentPath', context.harness], ...(environment ? [['extensionEnvironment', JSON.stringify(environment)]] : [])];
  await page.goto(`${context.baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
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
  const hover = page.locator('.monaco-hover-content', { hasText: 'Hardcoded GitHub token' }).first();
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

/**
 * Ctrl+. on the quick-fix rule's finding opens the light-bulb menu with the finding's fix as its
 * first item (screenshot light-bulb.png).
 */
export async function lightBulbOffersFixFirst(page: Page, context: UiContext): Promise<string> {
  const { rule, marker } = quickFixTarget;
  await page.keyboard.press('Escape');
  await openFile(page, QUICK_FIX_FILE);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  // The cursor goes inside the finding's squiggle (drawn once the server has analysed the file).
  // The text layer sits above the squiggle layer: click the squiggle's place, not the element.
  const { squiggle, lineBox } = await squiggleOn(page, editor, editor.locator('.view-line', { hasText: marker }));
  await page.mouse.click(squiggle.x + squiggle.width / 2, lineBox.y + lineBox.height / 2);
  // Away from the squiggle, so that its hover does not come up over the menu.
  await page.mouse.move(squiggle.x, lineBox.y + 12 * lineBox.height);
  const items = page.locator('.action-widget .monaco-list-row.action');
  // Ctrl+. pressed before the editor has the cursor's code actions shows nothing: press again.
  let presses = 0;
  for (let shown = false; !shown; ) {
    if (++presses > 5) throw new Error('Ctrl+. opened no light-bulb menu in 5 tries');
    await page.keyboard.press('Control+.');
    shown = await items.first().waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
  }
  const titles = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  const screenshot = join(context.screenshots, 'light-bulb.png');
  await page.screenshot({ path: screenshot });
  await page.keyboard.press('Escape');
  assert.equal(titles[0], fixTitle(rule), `the first item is the ${rule} fix; the menu lists: ${titles.join(' | ')}; screenshot ${screenshot}`);
  return `Ctrl+. pressed ${presses} time(s); ${titles.join(' | ')}; screenshot ${screenshot}`;
}

type Box = { x: number; y: number; width: number; height: number };

/** The boxes of `line` and of the editor's squiggle on it, once there is one (Monaco redraws lines: each try measures anew). */
async function squiggleOn(page: Page, editor: Locator, line: Locator): Promise<{ squiggle: Box; lineBox: Box }> {
  const deadline = Date.now() + uiTimeoutMs;
  for (;;) {
    const lineBox = await line.boundingBox({ timeout: 1_000 }).catch(() => null);
    const squiggles = await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').evaluateAll((nodes) => nodes.map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    }));
    const squiggle = lineBox && squiggles.find((box) => Math.abs(box.y - lineBox.y) < lineBox.height);
    if (lineBox && squiggle) return { squiggle, lineBox };
    if (Date.now() > deadline) throw new Error(`no squiggle on the line at y=${lineBox?.y ?? '(not on screen)'} (squiggles at y=${squiggles.map((box) => box.y).join(', ') || 'none'})`);
    await page.waitForTimeout(200);
  }
}

/** The SDK sends the key as `Authorization: Bearer …` (older versions as `x-api-key`). */
function sentKey(request: RecordedRequest): string | undefined {
  return (request.headers['x-api-key'] as string | undefined) ?? request.headers.authorization?.replace(/^Bearer /, '');
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
  // The view's own title bar names it and holds New Chat: the webview repeats neither.
  assert.equal(await chat.locator('header, #new-chat').count(), 0, 'a second title bar or "+" inside the chat view');
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
  assert.equal(sentKey(request), context.apiKey, 'the key from ANTHROPIC_API_KEY was sent');
  assert.ok(request.rawBody.includes(asked), 'the question was sent');
  const screenshot = join(context.screenshots, 'chat.png');
  await page.screenshot({ path: screenshot });
  return `answer: "${shown.slice(0, 60)}…"; screenshot ${screenshot}`;
}

/** Thrown by a check whose subject this VS Code does not offer; the runner records a skip. */
export class UiSkip extends Error {}

const redactionMarker = '«redacted hardcoded-credential»';
/** The fixture token without its `ghp_` prefix (src/github.ts line 2). */
const fixtureTokenTail = 'R8xK2mQ7vT4nW9pL3sD6fH1jB5cZ0yA2eG7u';
const rejectedKeyText = /Your API key was rejected/;
/** The start of what `/review` adds to the question (client/src/chat/context.ts). */
const reviewInstruction = 'Review this code for resilience, security';

/** The fake answers the coming requests with this (and only this) reply. */
function replyWith(context: UiContext, reply: Reply): void {
  context.fake.replies.splice(0, context.fake.replies.length, reply);
}

/** The messages request whose body carries `marker`, once the fake has received it. */
async function requestCarrying(context: UiContext, marker: string): Promise<RecordedRequest> {
  const deadline = Date.now() + uiTimeoutMs;
  for (;;) {
    const request = context.fake.requests.find((r) => r.method === 'POST' && r.url.startsWith('/v1/messages') && r.rawBody.includes(marker));
    if (request) return request;
    if (Date.now() > deadline) throw new Error(`the fake API got no request carrying "${marker}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openChat(page: Page): Promise<FrameLocator> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'Integration Engineer: Open Chat');
  const chat = chatFrame(page);
  await chat.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  return chat;
}

async function askInPanel(chat: FrameLocator, question: string): Promise<void> {
  const input = chat.locator('#question');
  await input.waitFor({ state: 'visible' });
  await input.fill(question);
  await input.press('Enter');
  await chat.locator('article.turn.user', { hasText: question }).waitFor({ state: 'visible' });
}

/** The assistant turn that answers the user turn asking `question`. */
function answerTo(chat: FrameLocator, question: string, status = ''): ReturnType<FrameLocator['locator']> {
  return chat.locator(`article.turn.user:has-text(${JSON.stringify(question)}) + article.turn.assistant${status}`);
}

/** Stop during a stalled stream: the partial answer stays, marked Stopped, and the HTTP request is closed. */
export async function chatStopKeepsPartialAnswer(page: Page, context: UiContext): Promise<string> {
  const partial = 'The first half of a long answer arrived. ';
  replyWith(context, { kind: 'stream', chunks: [partial], ending: 'stall' });
  const chat = await openChat(page);
  const question = 'E2E-STOP: explain retries at length';
  await askInPanel(chat, question);
  const request = await requestCarrying(context, 'E2E-STOP');
  await answerTo(chat, question, '.streaming').filter({ hasText: partial.trim() }).waitFor({ state: 'visible' });
  const stop = chat.locator('#stop');
  await stop.waitFor({ state: 'visible' });
  await stop.click();

  const stopped = answerTo(chat, question, '.stopped');
  await stopped.waitFor({ state: 'visible' });
  assert.ok((await stopped.locator('.turn-body').innerText()).includes(partial.trim()), 'the partial answer stays visible');
  assert.equal((await stopped.locator('.status').innerText()).trim(), 'Stopped', 'the turn is marked as stopped');
  await chat.locator('#send').waitFor({ state: 'visible' });
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([request.clientClosed.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
  clearTimeout(timer);
  assert.ok(closed, 'the fake API saw the connection closed after Stop');
  const screenshot = join(context.screenshots, 'chat-stopped.png');
  await page.screenshot({ path: screenshot });
  return `partial answer kept and marked Stopped; the request was closed after ${request.eventsSent.length} events; screenshot ${screenshot}`;
}

/** An answer's code block goes into the editor at the cursor through its "Insert at Cursor" button. */
export async function chatInsertsCodeAtCursor(page: Page, context: UiContext): Promise<string> {
  const code = "export const pingTimeoutMs = 5_000; // inserted-by-e2e";
  replyWith(context, { kind: 'stream', chunks: ['Give the ping a timeout:\n\n', '```ts\n', `${code}\n`, '```\n', '\nThen pass it to `AbortSignal.timeout`.'] });
  await page.keyboard.press('Escape');
  await openFile(page, 'src/unopened.ts');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const insertedLine = editor.locator('.view-line', { hasText: 'inserted-by-e2e' });
  assert.equal(await insertedLine.count(), 0, 'the code is not in the file before the insert');
  await editor.locator('.view-line').first().click();
  await page.keyboard.press('Control+End');

  const chat = await openChat(page);
  const question = 'E2E-INSERT: how do I add a timeout to ping?';
  await askInPanel(chat, question);
  const answer = answerTo(chat, question, '.complete');
  await answer.waitFor({ state: 'visible' });
  const insert = answer.locator('.code-block button[aria-label="Insert at Cursor"]');
  assert.equal(await insert.count(), 1, 'the code block has one Insert at Cursor button');
  await insert.click();

  await insertedLine.waitFor({ state: 'visible' });
  const shown = (await insertedLine.innerText()).replace(/\u00a0/g, ' ');
  assert.equal(shown.trim(), code, 'the inserted line is the code block');
  const lines = await editor.locator('.view-line').allInnerTexts();
  const screenshot = join(context.screenshots, 'chat-inserted.png');
  await page.screenshot({ path: screenshot });
  return `"${shown.trim()}" is in the editor (${lines.length} view lines); screenshot ${screenshot}`;
}

/** A 401 shows the rejected-key message with Set API Key, which asks for a key that the next request then uses. */
export async function chatRejectedKeyOffersSetKey(page: Page, context: UiContext): Promise<string> {
  replyWith(context, { kind: 'status', status: 401, message: 'invalid x-api-key' });
  const chat = await openChat(page);
  const question = 'E2E-401: is this webhook verified?';
  await askInPanel(chat, question);
  const failed = answerTo(chat, question, '.failed');
  await failed.waitFor({ state: 'visible' });
  const error = failed.locator('.error[role="alert"]');
  const message = (await error.innerText()).trim();
  assert.match(message, rejectedKeyText, 'the panel says the key was rejected');
  const setKey = error.locator('button', { hasText: 'Set API Key' });
  assert.equal(await setKey.count(), 1, 'the error offers Set API Key');
  const screenshot = join(context.screenshots, 'chat-rejected-key.png');
  await page.screenshot({ path: screenshot });

  // The action asks for a key in VS Code's input box; the next question is sent with it.
  await setKey.click();
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor({ state: 'visible' });
  const newKey = 'sk-ant-e2e-second-key';
  await input.fill(newKey);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  replyWith(context, { kind: 'stream', chunks: ['Yes, it checks the signature.'] });
  const again = 'E2E-NEWKEY: is it verified now?';
  await askInPanel(chat, again);
  await answerTo(chat, again, '.complete').waitFor({ state: 'visible' });
  const request = await requestCarrying(context, 'E2E-NEWKEY');
  assert.equal(sentKey(request), newKey, 'the key set through the action is sent');
  return `"${message.split('\n')[0]}"; Set API Key stored a key the next request used; screenshot ${screenshot}`;
}

/** Ask About Selection attaches the selected lines; the request carries them with the token redacted. */
export async function askAboutSelectionRedacts(page: Page, context: UiContext): Promise<string> {
  replyWith(context, { kind: 'stream', chunks: ['That token must go: ', 'read it from the environment.'] });
  await page.keyboard.press('Escape');
  await openFile(page, 'src/github.ts');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'listRepos' }).click();
  // Lines 1-9: the comment, the token, and the function up to its return.
  await page.keyboard.press('Control+Home');
  for (let line = 0; line < 9; line++) await page.keyboard.press('Shift+ArrowDown');
  await editor.locator('.selected-text').first().waitFor({ state: 'visible' });
  await runCommand(page, 'Integration Engineer: Ask About Selection');

  const chat = chatFrame(page);
  await chat.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  const chip = chat.locator('#context');
  await chip.filter({ hasText: 'github.ts' }).waitFor({ state: 'visible' });
  const label = (await chip.innerText()).trim();
  const question = 'E2E-SELECTION: what is wrong with this code?';
  await askInPanel(chat, question);
  await answerTo(chat, question, '.complete').waitFor({ state: 'visible' });

  const request = await requestCarrying(context, 'E2E-SELECTION');
  // The finding's message may name the token's kind by its prefix ("ghp_…"), never the token itself.
  const token = /ghp_[A-Za-z0-9]{4,}/.exec(request.rawBody);
  assert.equal(token, null, `the raw request body carries no GitHub token (found "${token?.[0].slice(0, 8)}…")`);
  assert.ok(!request.rawBody.includes(fixtureTokenTail), 'the raw request body has no part of the fixture token');
  assert.ok(request.rawBody.includes(redactionMarker), `the raw request body has the marker ${redactionMarker}`);
  const sent = JSON.stringify(request.body.messages);
  for (const selected of ['const GITHUB_TOKEN = ', 'https://api.github.com/orgs/', 'GitHub answered']) assert.ok(sent.includes(selected), `the selected code "${selected}" was sent`);
  const user = chat.locator('article.turn.user', { hasText: question });
  await user.locator('.redacted', { hasText: '1 value was redacted before sending.' }).waitFor({ state: 'visible' });
  const screenshot = join(context.screenshots, 'chat-selection.png');
  await page.screenshot({ path: screenshot });
  return `context "${label}" sent with the token as ${redactionMarker}; the turn says 1 value was redacted; screenshot ${screenshot}`;
}

/** What the harness's stand-in chat model would answer (test/e2e/harness/extension.js). */
const standInModelMarker = 'E2E-STAND-IN-MODEL';
/** The stand-in model's name, which the Chat view's model picker shows once it is picked. */
const standInModelName = 'E2E stand-in model';

/**
 * `@integration /review` in VS Code's own Chat view, answered from the fake API. VS Code refuses
 * a participant request while it has no chat model, so the harness registers a stand-in model;
 * the participant must still answer from the Anthropic API, never from that model.
 */
export async function chatViewParticipantAnswers(page: Page, context: UiContext): Promise<string> {
  const fakeMarker = 'E2E-FAKE-API review:';
  replyWith(context, { kind: 'stream', chunks: [`${fakeMarker} `, 'the token on line 2 is hardcoded.'] });
  await page.keyboard.press('Escape');
  await openFile(page, 'src/github.ts');
  await runCommand(page, 'Chat: Open Chat');
  const screenshot = join(context.screenshots, 'chat-view.png');
  const input = page.locator('.interactive-input-part .monaco-editor textarea, .interactive-input-part .native-edit-context').first();
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // The view sends a request only with a model picked: the harness's stand-in is the default.
  await page.locator('.interactive-input-part', { hasText: standInModelName }).waitFor({ state: 'visible' });
  // Opening the view focuses its input; a pointer click lands on the input's decorations.
  await page.keyboard.type('@integration /review');
  // Enter may go to the suggestion list of participants and commands: press Send instead.
  await page.locator('.interactive-input-part').getByRole('button', { name: /^Send/ }).first().click();
  const fromFake = page.locator('.interactive-response', { hasText: fakeMarker });
  const fromStandIn = page.locator('.interactive-response', { hasText: standInModelMarker });
  const noModel = page.locator('.interactive-response', { hasText: 'Language model unavailable' });
  await fromFake.or(fromStandIn).or(noModel).first().waitFor({ state: 'visible' });
  // The fake's answer completes after its second chunk.
  await page.locator('.interactive-response', { hasText: 'the token on line 2 is hardcoded.' }).or(fromStandIn).or(noModel).first().waitFor({ state: 'visible' });
  await page.screenshot({ path: screenshot });
  assert.equal(await noModel.count(), 0, `VS Code answered "Language model unavailable": the harness's stand-in model is not registered; screenshot ${screenshot}`);
  assert.equal(await fromStandIn.count(), 0, `the Chat view shows the stand-in model's text, not the fake API's answer; screenshot ${screenshot}`);
  const shown = (await fromFake.first().innerText()).replace(/\s+/g, ' ').trim();
  assert.match(shown, /E2E-FAKE-API review: the token on line 2 is hardcoded\./, 'the whole streamed answer is shown');
  const request = await requestCarrying(context, reviewInstruction);
  assert.doesNotMatch(request.rawBody, /ghp_[A-Za-z0-9]{4,}/, 'the review request carries no GitHub token');
  assert.ok(request.rawBody.includes(redactionMarker), `the review request carries the file with the token as ${redactionMarker}`);
  return `the Chat view shows "${shown.slice(shown.indexOf(fakeMarker), shown.indexOf(fakeMarker) + 70)}"; the fake API got the /review instruction; screenshot ${screenshot}`;
}

/** The left and right edges (px) of `text` as drawn in a view line, measured on its text nodes. */
function textExtent(line: Locator, text: string): Promise<{ left: number; right: number } | null> {
  // Runs in the page: no named helpers inside (the bundler would wrap them in one it does not ship there).
  return line.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    // Monaco draws spaces as no-break spaces.
    const start = nodes.map((node) => node.data).join('').replace(/\u00a0/g, ' ').indexOf(wanted);
    if (start < 0) return null;
    const end = start + wanted.length;
    const range = document.createRange();
    let seen = 0;
    for (const node of nodes) {
      if (start >= seen && start < seen + node.length) range.setStart(node, start - seen);
      if (end > seen && end <= seen + node.length) range.setEnd(node, end - seen);
      seen += node.length;
    }
    const { left, right } = range.getBoundingClientRect();
    return { left, right };
  }, text);
}

/**
 * The retry loop of src/retry.ts has two findings (retry-without-backoff, unbounded-retry): both
 * are drawn under `while (true)` alone, none over the loop's body, and the hover lists both
 * (screenshot squiggle-head.png).
 */
export async function squiggleCoversLoopHead(page: Page, context: UiContext): Promise<string> {
  const head = 'while (true)';
  await page.keyboard.press('Escape');
  await openFile(page, 'src/retry.ts');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const headLine = editor.locator('.view-line', { hasText: 'while' });
  const { lineBox } = await squiggleOn(page, editor, headLine);
  const extent = await textExtent(headLine, head);
  assert.ok(extent, `"${head}" is drawn on its line`);
  const squiggles = await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').evaluateAll((nodes) => nodes.map((node) => {
    const { x, y, width } = node.getBoundingClientRect();
    return { x, y, width };
  }));
  const charWidth = (extent.right - extent.left) / head.length;
  const shown = squiggles.map((box) => `x ${Math.round(box.x)}-${Math.round(box.x + box.width)} y ${Math.round(box.y)}`).join('; ');
  for (const box of squiggles) {
    assert.ok(Math.abs(box.y - lineBox.y) < lineBox.height, `every squiggle is on the loop's line (y ${Math.round(lineBox.y)}): ${shown}`);
    assert.ok(Math.abs(box.x - extent.left) < charWidth / 2 && Math.abs(box.x + box.width - extent.right) < charWidth / 2, `every squiggle spans "${head}" (x ${Math.round(extent.left)}-${Math.round(extent.right)}): ${shown}`);
  }

  // Both findings are there: the hover over the head lists them.
  await page.mouse.move((extent.left + extent.right) / 2, lineBox.y + lineBox.height / 2);
  const hover = page.locator('.monaco-hover-content', { hasText: 'unbounded-retry' }).first();
  await hover.waitFor({ state: 'visible' });
  const hoverText = await hover.innerText();
  assert.match(hoverText, /retry-without-backoff/, 'the hover lists the second finding on the same head');
  const screenshot = join(context.screenshots, 'squiggle-head.png');
  await page.screenshot({ path: screenshot });
  await page.mouse.move(0, 0);
  return `${squiggles.length} squiggle(s), all under "${head}" (x ${Math.round(extent.left)}-${Math.round(extent.right)}); screenshot ${screenshot}`;
}

/**
 * In a window whose extension host has no ANTHROPIC_API_KEY (and nothing in secret storage):
 * the chat view has no title bar of its own, Send is disabled, and the banner offers Set API
 * Key (screenshot chat-no-key.png).
 */
export async function chatWithoutKeyOffersSetKey(page: Page, context: UiContext): Promise<string> {
  const chat = await openChat(page);
  const banner = chat.locator('#banner');
  await banner.waitFor({ state: 'visible' });
  const message = (await banner.innerText()).replace(/\s+/g, ' ').trim();
  assert.match(message, /Set an Anthropic API key to chat/);
  await banner.locator('#set-api-key', { hasText: 'Set API Key' }).waitFor({ state: 'visible' });
  const send = chat.locator('#send');
  assert.equal(await send.isDisabled(), true, 'Send is disabled without a key');
  const opacity = Number(await send.evaluate((button) => getComputedStyle(button).opacity));
  assert.ok(opacity < 1, `Send looks disabled (opacity ${opacity})`);
  assert.match((await send.getAttribute('title')) ?? '', /API key/, 'Send says why through its title');
  assert.equal(await chat.locator('header, #new-chat').count(), 0, 'a second title bar or "+" inside the chat view');
  const screenshot = join(context.screenshots, 'chat-no-key.png');
  await page.screenshot({ path: screenshot });
  return `banner "${message}", Send disabled; screenshot ${screenshot}`;
}

/** The language server of the window on `workspace` (the client starts it in the workspace folder). */
function serverOf(workspace: string, except?: number): ServerProcess | undefined {
  const folder = realpathSync(workspace);
  const found = serverProcesses().filter((server) => server.cwd === folder && server.pid !== except);
  assert.ok(found.length <= 1, `one server per window, found ${found.length} for ${folder}`);
  return found[0];
}

/**
 * After Scan Workspace, the window's language server is killed: the client starts another, the
 * open file's squiggles come back, and so does the finding of a scanned file this window never
 * opened (config/database.yaml: the Problems panel, filtered to it, empties and fills again).
 * Screenshot crash-restart.png.
 */
export async function crashRestartRestoresFindings(page: Page, context: UiContext): Promise<string> {
  await page.keyboard.press('Escape');
  await openFile(page, 'src/github.ts');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.squiggly-error').first().waitFor({ state: 'visible' });
  await runCommand(page, 'Integration Engineer: Scan Workspace');
  await runCommand(page, 'Focus on Problems View');
  const problems = page.locator('.markers-panel');
  await problems.waitFor({ state: 'visible' });
  // Filtered to the scanned file, whose row then stays on screen whatever else the panel lists.
  await page.getByPlaceholder(/\*\*\/\*\.ts, !\*\*\/node_modules/).filter({ visible: true }).first().fill('database');
  const scannedRow = problems.locator('.monaco-list-row', { hasText: 'database.yaml' }).first();
  await scannedRow.waitFor({ state: 'visible' });

  const crashed = serverOf(context.workspace);
  assert.ok(crashed, `a language server runs for ${context.workspace}`);
  // The young-generation cap that lets the server give closed documents' memory back (server-process.json).
  assert.ok(crashed.nodeFlags.includes('--max-semi-space-size=4'), `the server runs with its memory flags: ${crashed.nodeFlags.join(' ')}`);
  process.kill(crashed.pid, 'SIGKILL');
  // The client drops the crashed server's diagnostics: what shows afterwards comes from its successor.
  await page.waitForFunction(() => !document.querySelector('.markers-panel')?.textContent?.includes('database.yaml'));
  const deadline = Date.now() + uiTimeoutMs;
  let successor: ServerProcess | undefined;
  while (!(successor = serverOf(context.workspace, crashed.pid))) {
    if (Date.now() > deadline) throw new Error(`no language server started after ${crashed.pid} was killed`);
    await page.waitForTimeout(200);
  }
  await scannedRow.waitFor({ state: 'visible' });
  await editor.locator('.squiggly-error').first().waitFor({ state: 'visible' });
  const screenshot = join(context.screenshots, 'crash-restart.png');
  await page.screenshot({ path: screenshot });
  assert.ok(successor.nodeFlags.includes('--max-semi-space-size=4'), `the restarted server runs with its memory flags: ${successor.nodeFlags.join(' ')}`);
  return `server ${crashed.pid} (flags ${crashed.nodeFlags.join(' ')}) killed, ${successor.pid} started; the squiggles and the scanned file's finding came back; screenshot ${screenshot}`;
}

/**
 * The Integrations view lists the systems of the workspace (with Scan Workspace, the files not
 * open too) with their health icons, and clicking a call site opens it (screenshot
 * integrations.png).
 */
export async function integrationsViewListsSystems(page: Page, context: UiContext): Promise<string> {
  await page.keyboard.press('Escape');
  // Another file is active first, so that the click's opening of github.ts shows.
  await openFile(page, QUICK_FIX_FILE);
  await runCommand(page, 'Integration Engineer: Focus on Integrations View');
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Integrations' }) });
  const rows = pane.locator('.monaco-list-row');
  await rows.filter({ hasText: 'GitHub' }).first().waitFor({ state: 'visible' });
  await runCommand(page, 'Integration Engineer: Scan Workspace');
  await rows.filter({ hasText: 'status.example.com' }).first().waitFor({ state: 'visible' });

  const github = rows.filter({ hasText: 'GitHub' }).first();
  assert.match(await github.innerText(), /1 finding/, 'the GitHub system counts the finding on its call');
  assert.equal(await github.locator('.codicon-warning, .codicon-error').count(), 1, 'GitHub has a problem icon');
  const partner = rows.filter({ hasText: 'api.partner.com' }).first();
  assert.match(await partner.innerText(), /2 findings/, 'api.partner.com counts the findings on its two calls');
  // The status ping shows no problem, and not every safeguard: an empty circle, no warning.
  const status = rows.filter({ hasText: 'status.example.com' }).first();
  assert.equal(await status.locator('.codicon-circle-large-outline').count(), 1, 'status.example.com has the "no problem found" icon');

  // The GitHub system's endpoint, then its call site: a click opens the file at the call.
  await rows.filter({ hasText: 'api.github.com' }).first().click();
  const site = rows.filter({ hasText: 'github.ts:5' }).first();
  await site.waitFor({ state: 'visible' });
  const screenshot = join(context.screenshots, 'integrations.png');
  await page.screenshot({ path: screenshot });
  await site.click();
  await page.locator('.tab.active[aria-label*="github.ts"]').waitFor({ state: 'visible' });
  const systems = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]).join(' | ');
  return `rows: ${systems}; the call site opened github.ts; screenshot ${screenshot}`;
}
