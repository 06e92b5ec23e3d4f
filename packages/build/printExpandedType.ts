import ts from 'typescript';

/**
 * Prints a type as plain TypeScript with no reference to where it came from: unions,
 * literals, primitives, arrays, records and object types property by property, each property
 * with its JSDoc. Used for `z.infer<…>` types, whose own printed form names zod internals.
 * Throws when a property has no JSDoc: the declarations are the merchant's documentation.
 */
export function printExpandedType(
  checker: ts.TypeChecker & { fallbackDocs?: Record<string, string> },
  type: ts.Type,
  path: string,
  indent: string,
): string {
  if (type.isUnion()) {
    const members = type.types;
    const hasTrue = members.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && isTrue(checker, t),
    );
    const hasFalse = members.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && !isTrue(checker, t),
    );
    const printed: string[] = [];
    for (const member of members) {
      if (member.flags & ts.TypeFlags.BooleanLiteral && hasTrue && hasFalse) {
        if (!printed.includes('boolean')) printed.push('boolean');
        continue;
      }
      printed.push(printExpandedType(checker, member, path, indent));
    }
    return printed.join(' | ');
  }
  if (type.isStringLiteral()) return JSON.stringify(type.value);
  if (type.isNumberLiteral()) return String(type.value);
  if (type.flags & ts.TypeFlags.BooleanLiteral) return isTrue(checker, type) ? 'true' : 'false';
  const simple: [ts.TypeFlags, string][] = [
    [ts.TypeFlags.String, 'string'],
    [ts.TypeFlags.Number, 'number'],
    [ts.TypeFlags.Boolean, 'boolean'],
    [ts.TypeFlags.BigInt, 'bigint'],
    [ts.TypeFlags.Null, 'null'],
    [ts.TypeFlags.Undefined, 'undefined'],
    [ts.TypeFlags.Unknown, 'unknown'],
    [ts.TypeFlags.Never, 'never'],
  ];
  for (const [flag, name] of simple) if (type.flags & flag) return name;
  if (checker.isArrayType(type)) {
    const element = checker.getTypeArguments(type as ts.TypeReference)[0]!;
    const inner = printExpandedType(checker, element, `${path}[]`, indent);
    return element.isUnion() ? `Array<${inner}>` : `${inner}[]`;
  }
  if (type.flags & ts.TypeFlags.Object) {
    if (type.getCallSignatures().length > 0) {
      throw new Error(`cannot expand the function type at ${path}`);
    }
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      lines.push(
        `${inner}[key: ${checker.typeToString(info.keyType)}]: ${printExpandedType(checker, info.type, `${path}[key]`, inner)};`,
      );
    }
    for (const property of checker.getPropertiesOfType(type)) {
      const doc =
        ts.displayPartsToString(property.getDocumentationComment(checker)).trim() ||
        fallbackDoc(checker.fallbackDocs ?? {}, `${path}.${property.name}`);
      if (!doc) throw new Error(`no JSDoc on ${path}.${property.name}`);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const propertyType = checker.getTypeOfSymbol(property);
      // `name?: T` already admits undefined: print T alone.
      const members = (propertyType.isUnion() ? propertyType.types : [propertyType]).filter(
        (member) => !(optional && member.flags & ts.TypeFlags.Undefined),
      );
      const printed = [
        ...new Set(
          members.map((member) =>
            printExpandedType(checker, member, `${path}.${property.name}`, inner),
          ),
        ),
      ];
      const readonly = isReadonly(property) ? 'readonly ' : '';
      lines.push(
        `${inner}/** ${doc.replace(/\n/g, `\n${inner} * `)} */`,
        `${inner}${readonly}${property.name}${optional ? '?' : ''}: ${printed.join(' | ')};`,
      );
    }
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot expand ${checker.typeToString(type)} at ${path}`);
}

/** The doc whose key is the longest dotted suffix of `path` (`state`, `recipient_information.state`). */
function fallbackDoc(docs: Record<string, string>, path: string): string {
  const key = Object.keys(docs)
    .filter((candidate) => path === candidate || path.endsWith(`.${candidate}`))
    .sort((a, b) => b.length - a.length)[0];
  return key ? docs[key]! : '';
}

function isTrue(checker: ts.TypeChecker, type: ts.Type): boolean {
  return checker.typeToString(type) === 'true';
}

function isReadonly(property: ts.Symbol): boolean {
  // Mapped types (zod's inferred objects among them) mark readonly through check flags.
  const links = property as ts.Symbol & { links?: { checkFlags?: number } };
  return ((links.links?.checkFlags ?? 0) & 8) !== 0; // CheckFlags.Readonly
}
