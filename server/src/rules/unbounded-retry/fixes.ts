/**
 * The quick fixes of unbounded-retry: a maximum number of attempts. A retry loop counts
 * its failures and throws the last error at the maximum (the loop keeps its shape); a
 * retry option that never runs out gets the maximum instead.
 */
import { SyntaxKind, ts } from '../../engine/ts.js';
import { contains, getProperty } from '../../engine/ast.js';
import type { FileFacts } from '../../engine/facts.js';
import type { FixFunction, Fixer, TextEdit } from '../../engine/types.js';
import { appendStatements, insertStatementsAfter, insertStatementsBefore, removeProperty } from '../../analysis/edits.js';
import { freeName } from '../../analysis/names.js';
import { sourceStyle } from '../../analysis/source-style.js';
import { existingCounter, incrementStatement, needsReset, newCounter, resetsAfterSuccess, retryingCatches, type AttemptCounter } from '../../analysis/retry/attempt-counter.js';
import type { RetryLoop } from '../../analysis/retry/loops.js';
import { containsContinue } from '../../analysis/retry/regions.js';
import { waitCalls } from '../../analysis/retry/waits.js';

const ERROR_NAMES = ['error', 'err', 'failure'];

/** Where a guard goes among statements: after the counter's increment, else before the wait, else at the end. */
function guardEdit(block: ts.Block, counter: AttemptCounter, guard: string, facts: FileFacts): TextEdit | undefined {
  const increment = incrementStatement(block.statements, counter);
  const sourceFile = block.getSourceFile();
  if (increment) return insertStatementsAfter(increment, [guard], sourceFile);
  const wait = block.statements.find((statement) => waitCalls(statement, facts).length > 0);
  return wait ? insertStatementsBefore(wait, [guard], sourceFile) : appendStatements(block, [guard], sourceFile, { oneLineWhenEmpty: true });
}

/** The caught error's name, with the edit binding one when the catch has none. */
function caughtError(fixer: Fixer, clause: ts.CatchClause): { name: string; edit?: TextEdit } | undefined {
  const declared = clause.variableDeclaration?.name;
  if (declared) return ts.isIdentifier(declared) ? { name: declared.text } : undefined;
  const name = freeName(clause.block, ERROR_NAMES);
  if (!name) return undefined;
  const afterKeyword = clause.getStart() + 'catch'.length;
  return { name, edit: fixer.replaceTextRange([afterKeyword, afterKeyword], ` (${name})`) };
}

/**
 * A loop that retries only after errors throws the last one from its catches at the
 * maximum; its own counter is reused when it counts failures (or every attempt, when a
 * success leaves the loop), else one is declared and reset after an attempt that went
 * through (a reconnect loop counts failures in a row). A loop that retries on a failure
 * status throws where it goes round.
 */
export function loopLimitFix(loop: RetryLoop, maxAttempts: number, facts: FileFacts): FixFunction | undefined {
  if (loop.kind !== 'loop') return undefined;
  const iteration = loop.node as ts.IterationStatement;
  const { semicolon, quote } = sourceStyle(iteration.getSourceFile());
  return (fixer) => {
    const catches = retryingCatches(iteration);
    const existing = existingCounter(iteration);
    if (!loop.onStatus && catches.length > 0) {
      const countsFailures = existing && catches.every((clause) => incrementStatement(clause.block.statements, existing) || !needsReset(clause, iteration, existing));
      const counter = countsFailures ? existing : newCounter(iteration);
      if (!counter) return null;
      const edits: (TextEdit | undefined)[] = counter.declaration ? [counter.declaration] : [];
      for (const clause of catches) {
        const error = caughtError(fixer, clause);
        if (!error) return null;
        if (error.edit) edits.push(error.edit);
        const count = counter.declaration ? `++${counter.name}` : counter.name;
        edits.push(guardEdit(clause.block, counter, `if (${count} >= ${maxAttempts}) throw ${error.name}${semicolon}`, facts));
      }
      if (counter.declaration) edits.push(...(resetsAfterSuccess(iteration, catches, counter) ?? [undefined]));
      return edits.includes(undefined) ? null : (edits as TextEdit[]);
    }
    const body = iteration.statement;
    if (!ts.isBlock(body) || body.statements.length === 0) return null;
    const giveUp = `throw new Error(${quote}Gave up after ${maxAttempts} attempts${quote})${semicolon}`;
    if (containsContinue(body)) {
      // A `continue` may skip any later guard: count each attempt as it starts.
      const counter = newCounter(iteration);
      return counter?.declaration ? [counter.declaration, insertStatementsBefore(body.statements[0], [`if (++${counter.name} > ${maxAttempts}) ${giveUp}`], body.getSourceFile())] : null;
    }
    // The condition decides whether it goes round after the attempt in the body (`do … while (res.status >= 500)`,
    // `while (!connected)` set from the response): count only the attempts that will.
    const condition = ts.isDoStatement(iteration) || (ts.isWhileStatement(iteration) && !loop.onStatus) ? iteration.expression : undefined;
    if (condition && condition.kind !== SyntaxKind.TrueKeyword) {
      const counter = newCounter(iteration);
      const going = needsParentheses(condition) ? `(${condition.getText()})` : condition.getText();
      if (!counter?.declaration) return null;
      const guard = appendStatements(body, [`if (${going} && ++${counter.name} >= ${maxAttempts}) ${giveUp}`], body.getSourceFile());
      return guard ? [counter.declaration, guard] : null;
    }
    // A counter counts every attempt only when it goes up in the body itself or the `for` header.
    const countsAttempts = existing && (incrementStatement(body.statements, existing) || !existing.increments.some((increment) => contains(body, increment)));
    const counter = countsAttempts ? existing : newCounter(iteration);
    if (!counter) return null;
    const count = counter.declaration ? `++${counter.name}` : counter.name;
    const guard = guardEdit(body, counter, `if (${count} >= ${maxAttempts}) ${giveUp}`, facts);
    return guard ? [...(counter.declaration ? [counter.declaration] : []), guard] : null;
  };
}

/** An operand of `&&` that binds looser than it: `a || b`, `a ?? b`, `a ? b : c`, an assignment. */
function needsParentheses(expr: ts.Expression): boolean {
  if (ts.isConditionalExpression(expr)) return true;
  if (!ts.isBinaryExpression(expr)) return false;
  const op = expr.operatorToken.kind;
  return op === SyntaxKind.BarBarToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.CommaToken || (op >= SyntaxKind.FirstAssignment && op <= SyntaxKind.LastAssignment);
}

/** `retries: Infinity` → the maximum. */
export function endlessLimitFix(prop: ts.PropertyAssignment, maxAttempts: number): FixFunction {
  return (fixer) => fixer.replaceText(prop.initializer, String(maxAttempts));
}

/** `forever: true` → the library's attempt limit at the maximum (or just gone, when the limit is set). */
export function foreverFix(forever: ts.ObjectLiteralElementLike, limitOption: string, maxAttempts: number): FixFunction {
  return (fixer) => {
    const options = forever.parent as ts.ObjectLiteralExpression;
    return getProperty(options, limitOption) ? removeProperty(forever, forever.getSourceFile()) : fixer.replaceText(forever, `${limitOption}: ${maxAttempts}`);
  };
}
