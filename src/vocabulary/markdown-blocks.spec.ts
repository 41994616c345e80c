import { describe, expect, it } from '@jest/globals';
import { markdownBlocks, plainInline } from './markdown-blocks.js';

describe('Markdown as blocks', () => {
  it('reads headings, paragraphs and both kinds of lists', () => {
    expect(
      markdownBlocks(
        [
          '# Informed consent',
          '',
          'This is **our** practice.',
          'It continues here.',
          '## What to expect',
          '- Sessions last 50 minutes',
          '- Fees are',
          '  due at each session',
          '',
          '1. First',
          '2) Second',
          '#### Deep heading',
        ].join('\r\n'),
      ),
    ).toEqual([
      { kind: 'heading', level: 1, text: 'Informed consent' },
      { kind: 'paragraph', text: 'This is our practice. It continues here.' },
      { kind: 'heading', level: 2, text: 'What to expect' },
      {
        kind: 'list',
        ordered: false,
        items: ['Sessions last 50 minutes', 'Fees are due at each session'],
      },
      { kind: 'list', ordered: true, items: ['First', 'Second'] },
      { kind: 'heading', level: 3, text: 'Deep heading' },
    ]);
  });

  it('starts a new list when bullets change to numbers, and a paragraph after a list', () => {
    expect(markdownBlocks('* a\n1. b\nafter')).toEqual([
      { kind: 'list', ordered: false, items: ['a'] },
      { kind: 'list', ordered: true, items: ['b'] },
      { kind: 'paragraph', text: 'after' },
    ]);
  });

  it('keeps inline marks as their words and links with their address', () => {
    expect(plainInline('Call **988** or see [our page](https://example.org) _now_ `x`')).toBe(
      'Call 988 or see our page (https://example.org) now x',
    );
    expect(plainInline('snake_case_word and 2*3*4')).toBe('snake_case_word and 2*3*4');
  });

  it('answers nothing for an empty document', () => {
    expect(markdownBlocks('\n \n')).toEqual([]);
  });
});
