import { describe, expect, it } from '@jest/globals';
import { IntlMessageFormat } from 'intl-messageformat';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ts from 'typescript';
import { en } from './en';
import { t, tRich } from './t';

// The checkout's files are read through TypeScript's own file system access, so this spec
// type-checks with the browser code (no Node types there).
const ADMIN = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const readFile = (path: string) => ts.sys.readFile(path) ?? '';
const inAdmin = (path: string) => path.slice(ADMIN.length + 1);

/**
 * Text between tags that holds a letter and still is no sentence. Text without a letter
 * (`·`, `—`, `×`, `/`) is never taken for one.
 */
const NOT_WORDS = new Set<string>([]);

/** Props of our components and of HTML whose strings a person reads or hears. */
const VISIBLE_PROPS = new Set([
  'aria-label',
  'aria-description',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'hint',
  'what',
  'failureWhat',
]);

/** The staff app's sources, specs left out. */
function sourceFiles(): string[] {
  return ts.sys.readDirectory(ADMIN, ['.ts', '.tsx']).filter((path) => !path.endsWith('.spec.ts'));
}

const hasLetter = (text: string) => /\p{L}/u.test(text);

/** Strings a person would read, written in a .tsx file instead of taken from the catalogue. */
function sentencesIn(path: string): string[] {
  const file = ts.createSourceFile(
    path,
    readFile(path),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const line = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  // The strings an expression shows: itself, or either branch of a choice or fallback.
  const shown = (node: ts.Expression): void => {
    if (ts.isParenthesizedExpression(node)) return shown(node.expression);
    if (ts.isConditionalExpression(node)) {
      shown(node.whenTrue);
      shown(node.whenFalse);
      return;
    }
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.AmpersandAmpersandToken,
      ].includes(node.operatorToken.kind)
    ) {
      shown(node.right);
      return;
    }
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      hasLetter(node.text)
    ) {
      found.push(`${line(node)}: '${node.text}'`);
    }
    if (ts.isTemplateExpression(node)) {
      const fixed = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(
        ' ',
      );
      if (hasLetter(fixed)) found.push(`${line(node)}: \`${node.getText(file)}\``);
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (hasLetter(text) && !NOT_WORDS.has(text)) found.push(`${line(node)}: ${text}`);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      shown(node.expression);
    } else if (
      ts.isJsxAttribute(node) &&
      VISIBLE_PROPS.has(node.name.getText(file)) &&
      node.initializer
    ) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) shown(value);
      else if (ts.isJsxExpression(value) && value.expression) shown(value.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.map((where) => `${inAdmin(path)}:${where}`);
}

describe('the staff catalogue', () => {
  const messages = Object.entries(en) as [string, string][];

  it('holds messages that parse as ICU, and plain ones read exactly as written', () => {
    for (const [key, message] of messages) {
      const format = new IntlMessageFormat(message, 'en-US');
      if (!/[{}<#']/.test(message)) expect([key, format.format()]).toEqual([key, message]);
    }
  });

  it('says counts with plurals and keeps a sentence with a link whole', () => {
    expect(t('leads.row.attempts', { count: 1 })).toBe('1 attempt');
    expect(t('leads.row.attempts', { count: 3 })).toBe('3 attempts');
    expect(t('leads.inbox.shown', { count: 25, more: 'yes' })).toBe('25+ leads shown');
    const link = (chunks: ReactNode[]) => createElement('a', { href: '/admin/leads' }, ...chunks);
    expect(renderToStaticMarkup(tRich('shell.pageNotFound.text', { link }))).toBe(
      'There is no page at this address. <a href="/admin/leads">Go to the inbox</a>.',
    );
  });

  it('draws <hidden> and <strong> without the caller passing them', () => {
    expect(renderToStaticMarkup(tRich('clinicians.edit', { name: 'Dana Reyes' }))).toBe(
      'Edit<span class="visually-hidden"> Dana Reyes</span>',
    );
    expect(renderToStaticMarkup(tRich('shell.notFound', { what: 'This lead' }))).toContain(
      '<strong>',
    );
  });

  it('holds no key that no source names', () => {
    const named = new Set<string>();
    for (const path of sourceFiles()) {
      if (inAdmin(path) === 'i18n/en.ts') continue;
      for (const match of readFile(path).matchAll(/['"`]([\w-]+(?:\.[\w-]+)+)['"`]/g)) {
        named.add(match[1]);
      }
    }
    expect(messages.map(([key]) => key).filter((key) => !named.has(key))).toEqual([]);
  });

  it('is the only source of sentences in the screens', () => {
    const files = sourceFiles().filter((path) => path.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(sentencesIn)).toEqual([]);
  });
});
