// Reads back, as values, the calls a generated samples.ts makes (render-samples.ts writes them): the factory a sample
// builds its client with, the options it passes, and the operation's arguments. The samples hold only literals (the
// spec's examples and the values the generator fills in), so the TypeScript parser reads them exactly. The package
// smoke test replays one operation's call; the test kit builds every provider's client with the factory's options.
import ts from "typescript";

export interface SampleCall {
  /** e.g. `create<Name>Client` */
  factory: string;
  options: Record<string, unknown>;
  args: unknown[];
}

/** The call of `operation`'s sample, read from the text of a samples.ts. */
export function sampleCall(samplesText: string, operation: string): SampleCall {
  const file = ts.createSourceFile("samples.ts", samplesText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const where = `samples.ts, ${operation}`;
  const sample = file.statements.find(
    (node): node is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(node) && node.name?.text === `${operation}Sample`,
  );
  if (!sample) throw new Error(`${where}: no ${operation}Sample function; run \`pnpm generate\``);
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sample);
  const factoryCall = calls.find(
    (call) => ts.isIdentifier(call.expression) && /^create\w+$/.test(call.expression.text),
  );
  const operationCall = calls.find(
    (call) => ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === operation,
  );
  if (!factoryCall || !operationCall)
    throw new Error(`${where}: the sample makes no factory call or no ${operation} call`);
  const options = factoryCall.arguments.length === 0 ? {} : literalValue(factoryCall.arguments[0], where);
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error(`${where}: the factory's options are not an object literal`);
  }
  return {
    factory: factoryCall.expression.getText(file),
    options: options as Record<string, unknown>,
    args: operationCall.arguments.map((argument) => literalValue(argument, where)),
  };
}

/** The options of the first call of `factory` in a samples.ts: what the docs show a user constructing it with. */
export function factoryOptions(samplesText: string, factory: string): Record<string, unknown> {
  const file = ts.createSourceFile("samples.ts", samplesText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let call: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (call) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === factory) call = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!call) throw new Error(`samples.ts: no sample calls ${factory}`);
  const options =
    call.arguments.length === 0 ? {} : literalValue(call.arguments[0], `samples.ts, ${factory}'s options`);
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error(`samples.ts: ${factory}'s options are not an object literal`);
  }
  return options as Record<string, unknown>;
}

/** The JSON value a literal expression writes; anything computed is refused, naming the sample. */
export function literalValue(node: ts.Expression | undefined, where: string): unknown {
  if (!node) throw new Error(`${where}: a missing argument`);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    const value = literalValue(node.operand, where);
    if (typeof value === "number") return -value;
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isParenthesizedExpression(node)) return literalValue(node.expression, where);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((element) => literalValue(element, where));
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties.map((property) => {
        if (!ts.isPropertyAssignment(property))
          throw new Error(`${where}: ${property.getText()} is not a plain property`);
        const { name } = property;
        const key =
          ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
        if (key === undefined) throw new Error(`${where}: the computed property name ${name.getText()}`);
        return [key, literalValue(property.initializer, where)];
      }),
    );
  }
  throw new Error(`${where}: ${ts.SyntaxKind[node.kind]} is not a literal a smoke call can replay`);
}
