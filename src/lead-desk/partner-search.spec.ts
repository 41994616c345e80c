import { describe, expect, it } from '@jest/globals';
import { leadSearch } from './lead-search.js';
import { partnerMatch } from './partner-search.js';

const textSearch = (q: string) => {
  const search = leadSearch(q);
  if (search.kind !== 'text') throw new Error('not a text search');
  return search;
};

describe("the second partner's side of the search", () => {
  it('looks up one name word, an address part, in the invitation and the answers', () => {
    const sql = partnerMatch(textSearch('okafor'), 'lead')!;
    expect(sql).toMatch(/^lead\.id = ANY\(ARRAY\(/);
    expect(sql).toContain('pi.partner_name ILIKE :namePattern');
    expect(sql).toContain('pr.name ILIKE :namePattern');
    expect(sql).toContain('lower(pi.partner_email) LIKE :emailPattern');
    expect(sql).not.toContain(':phonePattern');
  });

  it('looks up several name words by word starts, never as an address', () => {
    const sql = partnerMatch(textSearch('sam okafor'), 'recent')!;
    expect(sql).toMatch(/^recent\.id = /);
    expect(sql).toContain('lead_name_prefixes(pi.partner_name) @> CAST(:nameWords AS text[])');
    expect(sql).toContain('lead_name_prefixes(pr.name) @> CAST(:nameWords AS text[])');
    expect(sql).not.toContain(':emailPattern');
  });

  it('looks up phone digits in the answers only (an invitation holds no phone)', () => {
    const sql = partnerMatch(textSearch('(541) 555-0177'), 'lead')!;
    expect(sql).toContain('pr.phone LIKE :phonePattern');
    expect(sql).not.toContain('pi.phone');
  });
});
