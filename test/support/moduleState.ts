import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** Methods that change a Map, a Set or an array in place. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort']);

/**
 * The mutable state a module keeps at its top level, as `name: why`:
 *
 * - every top-level `let` or `var` (module state whatever it holds);
 * - every top-level `const` (or a class's `static` field) made with `new Map(…)`, `new Set(…)` or an array
 *   literal that a function of the file changes in place (`name.set(`, `.add(`, `.delete(`, `.clear(`,
 *   `.push(`, …): state that changes as the module is used.
 *
 * Left alone, deliberately: tables filled once by top-level statements while the module loads and never
 * changed after (`const STOP = new Set([...])`, a reverse index built in a top-level loop); and
 * WeakMaps/WeakSets — their entries belong to their key objects (a parsed principle, a zod schema) and go
 * with them, so they cannot grow with the text a module is given.
 */
export function moduleState(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const collections = new Map<string, string>();
  const collection = (init: ts.Expression | undefined): string | undefined => {
    while (init && (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)))
      init = init.expression;
    if (!init) return undefined;
    if (ts.isArrayLiteralExpression(init)) return 'array';
    if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && ['Map', 'Set'].includes(init.expression.text))
      return init.expression.text;
    return undefined;
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        if (!constant) found.push(`${name}: a top-level let/var`);
        else {
          const kind = collection(declaration.initializer);
          if (kind) collections.set(name, kind);
        }
      }
    }
    if (ts.isClassDeclaration(statement) && statement.name) {
      for (const member of statement.members) {
        if (!ts.isPropertyDeclaration(member)) continue;
        if (!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const kind = collection(member.initializer);
        if (kind) collections.set(`${statement.name.text}.${member.name.getText(source)}`, kind);
      }
    }
  }
  if (collections.size === 0) return found;
  const changed = new Set<string>();
  const visit = (node: ts.Node, running: boolean): void => {
    if (
      running &&
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      MUTATORS.has(node.expression.name.text)
    ) {
      const target = node.expression.expression.getText(source);
      if (collections.has(target)) changed.add(target);
    }
    ts.forEachChild(node, (child) => visit(child, running || ts.isFunctionLike(child)));
  };
  visit(source, false);
  for (const name of changed) found.push(`${name}: a top-level ${collections.get(name)} changed in place`);
  return found;
}
