import { collectFileInventory as collectJsInventory } from './collect.js';
import { collectPythonInventory } from './python.js';
import type { FileInventory } from './index.js';
import type { ParsedFile, PythonFile } from '../engine/rule.js';
import type { Finding } from '../engine/types.js';

/** A parsed file's part of the map: a JS/TS file's from its compiler tree, a Python file's from its tree-sitter facts. */
export function collectFileInventory(file: ParsedFile | PythonFile, findings: readonly Finding[]): FileInventory {
  return 'sourceFile' in file ? collectJsInventory(file, findings) : collectPythonInventory(file, findings);
}
