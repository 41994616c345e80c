/// <reference types="node" />
// This spec reads the page sources from disk: Node, not the browser, runs it.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { LANGUAGES } from '../../lib/vocabulary';
import { EN, type PageWordKey } from './en';
import { PAGE_WORDS, pageWords, stateOptions } from './words';

/** The argument and tag names an ICU message uses, nested ones included. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const keys = Object.keys(EN).sort() as PageWordKey[];

describe('the page catalogue', () => {
  it('has every key in every language, non-empty, with the same arguments and tags as English', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(PAGE_WORDS[language]).sort()).toEqual(keys);
      for (const key of keys) {
        const message = PAGE_WORDS[language][key];
        expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
        expect({ key, arguments: argumentsOf(message) }).toEqual({
          key,
          arguments: argumentsOf(EN[key]),
        });
      }
    }
  });

  it('formats every message in every language, leaving no ICU syntax behind', () => {
    for (const language of LANGUAGES) {
      const words = pageWords(language);
      for (const key of keys) {
        const values = Object.fromEntries(
          argumentsOf(EN[key]).map((name) =>
            name.startsWith('<')
              ? [name.slice(1, -1), (chunks: unknown[]) => chunks.join('')]
              : [name, name === 'minutes' || name === 'status' ? 3 : 'X'],
          ),
        );
        expect({ key, text: words.rich<string>(key, values).join('') }).not.toEqual({
          key,
          text: expect.stringMatching(/[{}<>]/),
        });
      }
    }
  });

  it('says 988 with its Spanish option and 911 in the Spanish crisis line', () => {
    const line = pageWords('es')
      .rich<string>('crisis.line', { call988: (c) => c.join(''), call911: (c) => c.join('') })
      .join('');
    expect(line).toContain('988 (marque 2 para español)');
    expect(line).toContain('911');
  });

  it('counts minutes in each language', () => {
    expect(pageWords('en').t('failure.tooMany', { minutes: 1 })).toMatch(/in 1 minute\.$/);
    expect(pageWords('es').t('failure.tooMany', { minutes: 5 })).toMatch(/en 5 minutos\.$/);
  });

  it('writes dates in the page’s language', () => {
    expect(pageWords('en').date('2026-12-19T12:00:00Z')).toBe('December 19, 2026');
    expect(pageWords('es').date('2026-12-19T12:00:00Z')).toBe('19 de diciembre de 2026');
  });

  it('names the states in Spanish, in Spanish order, with the same codes', () => {
    const en = stateOptions(pageWords('en'));
    const es = stateOptions(pageWords('es'));
    expect(es.map(([code]) => code).sort()).toEqual(en.map(([code]) => code).sort());
    expect(es).toContainEqual(['NY', 'Nueva York']);
    expect(es.findIndex(([code]) => code === 'NC')).toBeLessThan(
      es.findIndex(([code]) => code === 'CO'),
    );
  });
});

/**
 * Every fixed string a person reads on the public pages and in the embed comes from the
 * catalogue. Checked on the syntax tree, so code (class names, paths, keys) is not
 * mistaken for words: JSX text, the text-bearing attributes of JSX, and the children of
 * the embed's `h(tag, attributes, ...children)`.
 */
describe('the public pages’ sources', () => {
  const root = fileURLToPath(new URL('..', import.meta.url)); // web/src/pages
  const sources = [
    ...readdirSync(root).map((name) => join(root, name)),
    ...readdirSync(join(root, 'components')).map((name) => join(root, 'components', name)),
    fileURLToPath(new URL('../../embed/reach-out-element.ts', import.meta.url)),
  ].filter((path) => /\.tsx?$/.test(path) && !path.endsWith('.spec.ts'));
  const TEXT_ATTRIBUTES = new Set([
    'label',
    'hint',
    'legend',
    'title',
    'heading',
    'emptyLabel',
    'aria-label',
    'placeholder',
    'alt',
  ]);
  const words = /[A-Za-z]{2,}/;

  function literalsOf(path: string): string[] {
    const file = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && words.test(node.text)) found.push(node.text.trim());
      if (
        ts.isJsxAttribute(node) &&
        TEXT_ATTRIBUTES.has(node.name.getText(file)) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer) &&
        words.test(node.initializer.text)
      ) {
        found.push(node.initializer.text);
      }
      if (ts.isCallExpression(node) && node.expression.getText(file) === 'h') {
        for (const child of node.arguments.slice(2)) {
          if (ts.isStringLiteralLike(child) && words.test(child.text)) found.push(child.text);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }

  it('reads at least the files it checks', () => {
    expect(sources.length).toBeGreaterThan(15);
    expect(sources.some((path) => path.endsWith('reach-out-element.ts'))).toBe(true);
  });

  it('have no words of their own left', () => {
    const left = sources.flatMap((path) =>
      literalsOf(path).map((text) => `${path.slice(root.length)}: ${text}`),
    );
    expect(left).toEqual([]);
  });
});
