import { SyntaxKind, ts } from '../../engine/ts.js';
import type { ParsedFile } from '../../engine/rule.js';

/** Types that hold no text: a flag or a counter cannot be a signature or a secret token. */
const NON_TEXT_KEYWORDS = new Set([SyntaxKind.NumberKeyword, SyntaxKind.BooleanKeyword, SyntaxKind.BigIntKeyword]);
const EMPTY_KEYWORDS = new Set([SyntaxKind.UndefinedKeyword, SyntaxKind.NullKeyword]);

/** `boolean`, `number | undefined`, `0 | 1`, `true`: a number or a boolean, possibly optional. */
function isNonTextType(type: ts.TypeNode): boolean {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  let holdsValue = false;
  for (const member of members) {
    const literal = ts.isLiteralTypeNode(member) ? member.literal : undefined;
    if (literal?.kind === SyntaxKind.NullKeyword || EMPTY_KEYWORDS.has(member.kind)) continue;
    const valueLiteral = literal && (ts.isNumericLiteral(literal) || literal.kind === SyntaxKind.TrueKeyword || literal.kind === SyntaxKind.FalseKeyword);
    if (!valueLiteral && !NON_TEXT_KEYWORDS.has(member.kind)) return false;
    holdsValue = true;
  }
  return holdsValue;
}

/**
 * Which operands the file types as a number or a boolean (contract 1.4: a number is no secret):
 * a name declared with such a type (`interactionToken: number`), or a property read whose name
 * every type and class of the file declares so (`headerObj.secret` with `{ secret: boolean }`).
 */
export function declaredNonText(file: ParsedFile): (node: ts.Expression) => boolean {
  let properties: Map<string, boolean> | undefined;
  const propertyIsNonText = (name: string): boolean => {
    if (!properties) {
      properties = new Map();
      for (const kind of [SyntaxKind.PropertySignature, SyntaxKind.PropertyDeclaration]) {
        for (const member of file.nodes.ofKind<ts.PropertySignature | ts.PropertyDeclaration>(kind)) {
          if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) continue;
          const key = member.name.text;
          properties.set(key, (properties.get(key) ?? true) && member.type !== undefined && isNonTextType(member.type));
        }
      }
    }
    return properties.get(name) ?? false;
  };
  return (node) => {
    if (ts.isPropertyAccessExpression(node)) return propertyIsNonText(node.name.text);
    if (!ts.isIdentifier(node)) return false;
    const declaration = file.facts.declarationName(node)?.parent;
    const type = declaration && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) ? declaration.type : undefined;
    return type !== undefined && isNonTextType(type);
  };
}
