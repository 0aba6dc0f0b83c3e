import ts from "typescript";

/**
 * The options a generated `samples.ts` passes to the factory (its first call): what the docs show a user writing, so
 * a test constructs the client the same way. A `<placeholder>` is a value the spec could not give, a credential: it
 * is filled as `secret-<name>-4711` and listed in `secrets`. Only literal values are read; anything else is an
 * error naming the option.
 */
export function sampleOptions(
  samples: string,
  factory: string,
): { options: Record<string, unknown>; secrets: string[] } {
  const source = ts.createSourceFile("samples.ts", samples, ts.ScriptTarget.ES2022, true);
  let options: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (options) return;
    const [first] = ts.isCallExpression(node) ? node.arguments : [];
    if (ts.isCallExpression(node) && node.expression.getText() === factory && first) {
      if (!ts.isObjectLiteralExpression(first)) throw new Error(`${factory}'s sample passes no options object`);
      options = first;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!options) throw new Error(`no sample calls ${factory}`);
  const secrets: string[] = [];
  const entries = options.properties.map((property) => {
    if (!ts.isPropertyAssignment(property)) throw new Error(`${factory}'s sample: ${property.getText()}`);
    const name = property.name.getText().replace(/^["']|["']$/g, "");
    const value = literal(property.initializer, `${factory}'s sample option ${name}`);
    if (typeof value !== "string" || !/^<\w+>$/.test(value)) return [name, value];
    secrets.push(`secret-${name}-4711`);
    return [name, secrets.at(-1)];
  });
  return { options: Object.fromEntries(entries), secrets };
}

function literal(node: ts.Expression, what: string): unknown {
  if (ts.isStringLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  throw new Error(`${what} is not a literal: ${node.getText()}`);
}
