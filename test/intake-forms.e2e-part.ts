import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Question {
  id: string;
  type: string;
  required: boolean;
  min?: number;
  max?: number;
  private?: boolean;
  options?: { value: string }[];
}

const questionsOf = (form: { sections: { questions: Question[] }[] }) =>
  new Map(form.sections.flatMap((section) => section.questions).map((q) => [q.id, q]));

describe('GET /v1/intake-forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes the couples form with every item of docs/survey.md, scales 1..7, safety private', async () => {
    const { body } = await t.http.get('/v1/intake-forms/couples').expect(200);
    expect(body).toMatchObject({ slug: 'couples', version: 1, title: expect.any(String) });
    const questions = questionsOf(body);
    const scaled = [
      ...['anx1', 'anx2', 'anx3', 'anx4', 'anx5', 'anx6'],
      ...['avd1', 'avd2', 'avd3', 'avd4', 'avd5', 'avd6'],
      'cyc_pursue',
      'cyc_withdraw',
    ];
    for (const id of scaled) {
      expect(questions.get(id)).toMatchObject({ type: 'scale', required: true, min: 1, max: 7 });
    }
    for (const id of ['saf_afraid', 'saf_harmed', 'saf_speak', 'crisis_now']) {
      expect(questions.get(id)).toMatchObject({ type: 'yesno', required: true, private: true });
    }
    expect(questions.get('rel_length')?.options?.map((o) => o.value)).toEqual([
      'lt1y',
      '1to3y',
      '3to10y',
      'gt10y',
    ]);
    expect(questions.get('rel_status')?.options?.map((o) => o.value)).toEqual([
      'dating',
      'living_together',
      'engaged',
      'married',
      'separated',
      'other',
    ]);
    expect(questions.get('rel_goals')).toMatchObject({ type: 'multi' });
    expect(questions.get('rel_prior_therapy')).toMatchObject({ type: 'yesno' });
    expect(questions.get('rel_story')).toMatchObject({ type: 'textarea', required: false });
  });

  it('publishes the individual form with the crisis question', async () => {
    const { body } = await t.http.get('/v1/intake-forms/individual').expect(200);
    expect(questionsOf(body).get('crisis_now')).toMatchObject({ type: 'yesno', private: true });
  });

  it('keeps each version readable at its own address', async () => {
    const latest = await t.http.get('/v1/intake-forms/couples').expect(200);
    const v1 = await t.http.get('/v1/intake-forms/couples/versions/1').expect(200);
    expect(v1.body).toEqual(latest.body);
  });

  it('answers 404 for an unknown form or version', async () => {
    for (const path of [
      '/v1/intake-forms/group',
      '/v1/intake-forms/couples/versions/99',
      '/v1/intake-forms/couples/versions/one',
    ]) {
      const response = await t.http.get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
