// Test scaffolding, not product code: VS Code 1.139 answers "Language model unavailable" to
// any Chat view request while it has no chat model, before it calls the participant. This
// stand-in model satisfies that precondition, as the fake API stands in for the network.
// @integration calls the Anthropic API itself, so this model's reply must never be shown:
// the UI check fails if it is.
const vscode = require('vscode');

const vendor = 'ie-e2e-stand-in';
/** What the stand-in answers if anything ever asks it; the e2e check rejects this text. */
const standInReply = 'E2E-STAND-IN-MODEL reply: the stand-in model answered, not the participant.';

const model = {
  id: 'ie-e2e-stand-in-model',
  name: 'E2E stand-in model',
  family: 'ie-e2e',
  version: '1',
  maxInputTokens: 100_000,
  maxOutputTokens: 4_000,
  isUserSelectable: true,
  // The Chat view picks a model only among defaults; `isDefault` is in the chatProvider
  // proposal, which code-server enables for this extension alone (scripts/e2e/codeServer.ts).
  isDefault: true,
  // The Chat view opens in Agent mode, whose model picker lists only tool-calling models.
  capabilities: { toolCalling: true },
};

function activate(context) {
  // Written to the run's logs (data/logs/…/exthost*/…harness/): says whether VS Code asked for the model.
  const log = vscode.window.createOutputChannel('E2E harness', { log: true });
  context.subscriptions.push(log);
  if (typeof vscode.lm?.registerLanguageModelChatProvider !== 'function') return log.warn('vscode.lm.registerLanguageModelChatProvider is missing');
  const provider = {
    provideLanguageModelChatInformation: () => {
      log.info('asked for the stand-in model');
      return [model];
    },
    provideLanguageModelChatResponse: async (_model, _messages, _options, progress) => {
      log.warn('the stand-in model was asked to answer');
      progress.report(new vscode.LanguageModelTextPart(standInReply));
    },
    provideTokenCount: (_model, text) => Math.ceil((typeof text === 'string' ? text : JSON.stringify(text)).length / 4),
  };
  context.subscriptions.push(vscode.lm.registerLanguageModelChatProvider(vendor, provider));
  log.info(`registered the ${vendor} chat model provider`);
  // VS Code asks a provider for its models only when someone selects them: ask now, so the
  // Chat view has its default model before the first request.
  vscode.lm.selectChatModels({ vendor }).then(
    (models) => log.info(`VS Code lists ${models.length} stand-in model(s)`),
    (error) => log.error(`selecting the stand-in model failed: ${error}`),
  );
}

module.exports = { activate, standInReply };
