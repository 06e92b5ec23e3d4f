import { dirname } from 'node:path';
import ts from 'typescript';
import { printExpandedType } from './printExpandedType';

/** Options of {@link bundleDeclarations}. */
export interface BundleOptions {
  /** The package's entry source file (absolute path). */
  entry: string;
  /** Compiler options for the entry's program (lib, types). */
  compilerOptions?: ts.CompilerOptions;
  /** JSDoc for properties of expanded types that have none, by name or dotted path suffix. */
  fallbackDocs?: Record<string, string>;
  /** Packages whose imports are kept as imports (peer dependencies: react, @tokenframe/js). */
  external?: string[];
}

const ZOD_IMPORT = /from ['"]zod(\/[\w-]+)?['"]/;

/**
 * Writes one self-contained declaration file for `entry`: no `import` of zod or of any other
 * package, so a consumer without zod still gets every payload typed (PRODUCT.md §9).
 *
 * How: tsc emits each source file's declarations in memory; declarations from files that do
 * not use zod are copied as emitted (with their JSDoc); type aliases declared in a zod file
 * (`z.infer<typeof schema>`) are printed expanded from the checker, property by property,
 * with each property's JSDoc. Only what the entry's exports reach is kept.
 */
export function bundleDeclarations(options: BundleOptions): string {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    declaration: true,
    emitDeclarationOnly: true,
    removeComments: false,
    ...options.compilerOptions,
  };
  const program = ts.createProgram([options.entry], compilerOptions);
  const checker = Object.assign(program.getTypeChecker(), { fallbackDocs: options.fallbackDocs });
  const ownFiles = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));

  const emitted = new Map<string, ts.SourceFile>();
  for (const file of ownFiles) {
    program.emit(
      file,
      (name, text) => {
        if (name.endsWith('.d.ts')) {
          emitted.set(file.fileName, ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
        }
      },
      undefined,
      true,
    );
  }

  // Every top-level declaration by name: its printed text and the names it mentions.
  // Expanded types are printed lazily: only what the exports reach must be documented.
  const pool = new Map<string, { text: () => string; from: string }>();
  // `declare global { … }` blocks of the entry's files go in whole (window.Tokenframe).
  const globals: string[] = [];
  const external = options.external ?? [];
  // Named imports of peer packages, merged per package: two files may import the same name.
  const externalImports = new Map<string, Set<string>>();
  // Their local names: `Page` in the testing package is playwright's, never protocol's `Page`.
  const externalNames = new Set<string>();
  // A name declared both in the package and in a schema file it derives from (the package's
  // `WebhookTopic` and protocol's) is the package's: its own sources sit beside the entry.
  const packageFolder = dirname(options.entry);
  const isOwn = (file: string) => file.startsWith(`${packageFolder}/`);
  const add = (name: string, text: () => string, from: string) => {
    const existing = pool.get(name);
    if (existing && existing.from !== from) {
      if (isOwn(existing.from) !== isOwn(from)) {
        if (isOwn(from)) pool.set(name, { text, from });
        return;
      }
      throw new Error(`declaration bundle: ${name} is declared in ${existing.from} and ${from}`);
    }
    pool.set(name, { text: existing ? () => `${existing.text()}\n${text()}` : text, from });
  };
  for (const file of ownFiles) {
    const usesZod = ZOD_IMPORT.test(file.text);
    const declarations = emitted.get(file.fileName);
    if (!declarations) continue;
    for (const statement of declarations.statements) {
      if (
        ts.isImportDeclaration(statement) &&
        ts.isStringLiteral(statement.moduleSpecifier) &&
        external.includes(statement.moduleSpecifier.text)
      ) {
        const names = externalImports.get(statement.moduleSpecifier.text) ?? new Set<string>();
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) {
          throw new Error(
            `declaration bundle: only named imports of ${statement.moduleSpecifier.text}`,
          );
        }
        for (const element of bindings.elements) {
          externalNames.add(element.name.text);
          names.add(
            element.propertyName
              ? `${element.propertyName.text} as ${element.name.text}`
              : element.name.text,
          );
        }
        externalImports.set(statement.moduleSpecifier.text, names);
        continue;
      }
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      if (ts.isExportAssignment(statement)) continue;
      const names = declaredNames(statement);
      if (ts.isModuleDeclaration(statement) && statement.flags & ts.NodeFlags.GlobalAugmentation) {
        globals.push(statement.getFullText().replace(/^\s*\n/, ''));
        continue;
      }
      if (usesZod) {
        // Only type aliases survive from a zod file: printed expanded, never as zod types.
        if (!ts.isTypeAliasDeclaration(statement)) continue;
        const name = statement.name.text;
        const source = file.statements.find(
          (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name,
        );
        const symbol = source && checker.getSymbolAtLocation(source.name);
        if (!symbol) continue;
        const type = checker.getDeclaredTypeOfSymbol(symbol);
        const doc = leadingJsDoc(statement);
        add(
          name,
          () => `${doc}type ${name} = ${printExpandedType(checker, type, name, '')};`,
          file.fileName,
        );
        continue;
      }
      const text = stripExport(statement);
      for (const name of names) add(name, () => text, file.fileName);
    }
  }

  // Follow the entry's exports to the declarations they need.
  const entryFile = program.getSourceFile(options.entry)!;
  const entrySymbol = checker.getSymbolAtLocation(entryFile)!;
  const exportsList: string[] = [];
  const wanted: string[] = [];
  for (const exported of checker.getExportsOfModule(entrySymbol)) {
    const target =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const isTypeOnly = !(target.flags & ts.SymbolFlags.Value);
    exportsList.push(
      `${isTypeOnly ? 'type ' : ''}${target.name === exported.name ? exported.name : `${target.name} as ${exported.name}`}`,
    );
    wanted.push(target.name);
  }
  const included = new Map<string, string>();
  const fromPool = (name: string) => pool.has(name) && !externalNames.has(name);
  const queue = [...wanted, ...globals.flatMap((text) => [...identifiersIn(text)])].filter(
    (name) => wanted.includes(name) || fromPool(name),
  );
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (included.has(name)) continue;
    const declaration = pool.get(name);
    if (!declaration) throw new Error(`declaration bundle: nothing declares ${name}`);
    const text = declaration.text();
    included.set(name, text);
    for (const mentioned of identifiersIn(text)) {
      if (fromPool(mentioned) && !included.has(mentioned)) queue.push(mentioned);
    }
  }
  const texts = [...new Set(included.values())];
  const bundle = [
    '// Generated by packages/build/bundleDeclarations.ts: imports nothing but peer packages.',
    ...[...externalImports].map(
      ([from, names]) => `import type { ${[...names].join(', ')} } from '${from}';`,
    ),
    ...texts,
    `export { ${exportsList.join(', ')} };`,
    ...globals,
  ].join('\n\n');
  const imports = bundle.match(/\bimport\s*\(|^\s*import\s.*$/gm) ?? [];
  if (imports.length > externalImports.size || ZOD_IMPORT.test(bundle)) {
    throw new Error(`declaration bundle still imports something: ${imports.join(' / ')}`);
  }
  return `${bundle.trim()}\n`;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  }
  const named = statement as ts.Statement & { name?: ts.Node };
  return named.name && ts.isIdentifier(named.name) ? [named.name.text] : [];
}

function leadingJsDoc(statement: ts.Statement): string {
  const ranges = ts.getLeadingCommentRanges(statement.getSourceFile().text, statement.pos) ?? [];
  return ranges
    .map((range) => statement.getSourceFile().text.slice(range.pos, range.end))
    .filter((comment) => comment.startsWith('/**'))
    .map((comment) => `${comment}\n`)
    .join('');
}

/** `export declare function f` → `declare function f`: the bundle's `export { … }` lists the public names. */
function stripExport(statement: ts.Statement): string {
  const base = statement.getFullStart();
  let text = statement.getFullText();
  const modifiers = (ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined) ?? [];
  for (const modifier of [...modifiers].reverse()) {
    if (
      modifier.kind === ts.SyntaxKind.ExportKeyword ||
      modifier.kind === ts.SyntaxKind.DefaultKeyword
    ) {
      text = text.slice(0, modifier.getStart() - base) + text.slice(modifier.getEnd() - base + 1);
    }
  }
  return text.replace(/^\s*\n/, '');
}

function identifiersIn(text: string): Set<string> {
  const found = new Set<string>();
  const scan = (node: ts.Node) => {
    if (ts.isIdentifier(node)) found.add(node.text);
    node.forEachChild(scan);
  };
  scan(ts.createSourceFile('x.d.ts', text, ts.ScriptTarget.Latest, true));
  return found;
}
