import type { MigrationInterface, QueryRunner } from 'typeorm';

// Version 1 of the published forms, written out here rather than imported so that this
// migration means the same thing forever. A change to a form is a new version in a new
// migration; submissions keep the version they answered.

const agreement = (id: string, label: string) => ({
  id,
  type: 'scale',
  label,
  required: true,
  min: 1,
  max: 7,
  minLabel: 'Strongly disagree',
  maxLabel: 'Strongly agree',
  private: true,
});
const options = (...pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));
const crisisNow = {
  id: 'crisis_now',
  type: 'yesno',
  label: 'In the past two weeks, have you had thoughts of ending your life or of harming someone?',
  required: true,
  private: true,
};

const couples = {
  slug: 'couples',
  version: 1,
  title: 'Couples intake',
  sections: [
    {
      id: 'relationship',
      title: 'About the relationship',
      questions: [
        {
          id: 'rel_length',
          type: 'single',
          label: 'How long have you been together?',
          required: true,
          options: options(
            ['lt1y', 'Less than a year'],
            ['1to3y', '1 to 3 years'],
            ['3to10y', '3 to 10 years'],
            ['gt10y', 'More than 10 years'],
          ),
        },
        {
          id: 'rel_status',
          type: 'single',
          label: 'Which describes your relationship?',
          required: true,
          options: options(
            ['dating', 'Dating'],
            ['living_together', 'Living together'],
            ['engaged', 'Engaged'],
            ['married', 'Married'],
            ['separated', 'Separated'],
            ['other', 'Other'],
          ),
        },
        {
          id: 'rel_prior_therapy',
          type: 'yesno',
          label: 'Have you been to couples therapy before?',
          required: true,
        },
        {
          id: 'rel_goals',
          type: 'multi',
          label: 'What would you like to work on?',
          required: true,
          options: options(
            ['communication', 'Communication'],
            ['conflict', 'Conflict'],
            ['trust_affair', 'Trust or an affair'],
            ['intimacy', 'Intimacy'],
            ['parenting', 'Parenting'],
            ['life_transition', 'A life transition'],
            ['deciding_future', 'Deciding our future'],
            ['other', 'Something else'],
          ),
        },
        {
          id: 'rel_story',
          type: 'textarea',
          label: 'In your own words, what brings you here now?',
          required: false,
          maxLength: 5000,
          private: true,
        },
      ],
    },
    {
      id: 'attachment',
      title: 'How you feel in your relationship',
      questions: [
        agreement(
          'anx1',
          "I worry that my partner doesn't care about me as much as I care about them.",
        ),
        agreement(
          'anx2',
          'When my partner is away or out of touch, I worry they may lose interest in me.',
        ),
        agreement('anx3', 'I rarely worry that my partner will leave me.'),
        agreement('anx4', 'I need a lot of reassurance that my partner loves me.'),
        agreement(
          'anx5',
          "When my partner doesn't answer quickly, I feel unsettled until I hear back.",
        ),
        agreement('anx6', 'I feel sure my partner will be there when I need them.'),
        agreement('avd1', 'I prefer not to show my partner how I feel deep down.'),
        agreement('avd2', 'I find it easy to depend on my partner.'),
        agreement('avd3', 'I get uncomfortable when my partner wants to be very close.'),
        agreement('avd4', 'When things get tense, I pull back and need space before I can talk.'),
        agreement('avd5', 'I talk things over with my partner when something bothers me.'),
        agreement(
          'avd6',
          'I feel my independence is threatened when my partner needs a lot from me.',
        ),
      ],
    },
    {
      id: 'cycle',
      title: 'When you disagree',
      questions: [
        agreement(
          'cyc_pursue',
          "When we disagree, I'm usually the one who pushes to keep talking it through.",
        ),
        agreement(
          'cyc_withdraw',
          "When we disagree, I'm usually the one who goes quiet or leaves the room.",
        ),
      ],
    },
    {
      id: 'safety',
      title: 'Safety',
      questions: [
        {
          id: 'saf_afraid',
          type: 'yesno',
          label: 'Are you ever afraid of your partner?',
          required: true,
          private: true,
        },
        {
          id: 'saf_harmed',
          type: 'yesno',
          label:
            "In the past 12 months, has your partner hit, pushed, choked or threatened you, or forced you to do something sexual you didn't want to?",
          required: true,
          private: true,
        },
        {
          id: 'saf_speak',
          type: 'yesno',
          label:
            'Do you feel safe saying what you really think in a session with your partner present?',
          required: true,
          private: true,
        },
        crisisNow,
      ],
    },
  ],
};

const individual = {
  slug: 'individual',
  version: 1,
  title: 'Individual intake',
  sections: [
    {
      id: 'concerns',
      title: 'What brings you here',
      questions: [
        {
          id: 'ind_concerns',
          type: 'multi',
          label: 'What would you like help with?',
          required: true,
          options: options(
            ['anxiety', 'Anxiety or worry'],
            ['depression', 'Low mood or depression'],
            ['relationships', 'Relationships'],
            ['grief', 'Grief or loss'],
            ['trauma', 'Trauma'],
            ['stress', 'Stress or burnout'],
            ['life_transition', 'A life transition'],
            ['other', 'Something else'],
          ),
        },
        {
          id: 'ind_goals',
          type: 'textarea',
          label: 'What would you like to be different after therapy?',
          required: false,
          maxLength: 5000,
          private: true,
        },
        {
          id: 'ind_prior_therapy',
          type: 'yesno',
          label: 'Have you been in therapy before?',
          required: true,
        },
      ],
    },
    {
      id: 'practical',
      title: 'Practical matters',
      questions: [
        {
          id: 'ind_availability',
          type: 'multi',
          label: 'When could you usually attend?',
          required: true,
          options: options(
            ['weekday_morning', 'Weekday mornings'],
            ['weekday_afternoon', 'Weekday afternoons'],
            ['weekday_evening', 'Weekday evenings'],
            ['weekend', 'Weekends'],
          ),
        },
        {
          id: 'ind_session_format',
          type: 'single',
          label: 'How would you like to meet?',
          required: true,
          options: options(
            ['in_person', 'In person'],
            ['telehealth', 'Video'],
            ['either', 'Either'],
          ),
        },
        {
          id: 'ind_payment',
          type: 'single',
          label: 'How would you like to pay?',
          required: true,
          options: options(
            ['insurance', 'With insurance'],
            ['self_pay', 'Self-pay'],
            ['sliding_scale', 'Sliding scale, if available'],
            ['unsure', 'Not sure yet'],
          ),
        },
        {
          id: 'ind_insurer',
          type: 'text',
          label: 'Insurance provider, if any',
          required: false,
          maxLength: 200,
        },
      ],
    },
    { id: 'safety', title: 'Safety', questions: [crisisNow] },
  ],
};

export class PublishIntakeForms1795602030158 implements MigrationInterface {
  name = 'PublishIntakeForms1795602030158';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "intake_form" ("slug" character varying(40) NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5b3513394dbef3e604d9a260e3" PRIMARY KEY ("slug", "version"))`,
    );
    for (const form of [individual, couples]) {
      await queryRunner.query(
        `INSERT INTO "intake_form" ("slug", "version", "definition") VALUES ($1, $2, $3)`,
        [form.slug, form.version, JSON.stringify(form)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "intake_form"`);
  }
}
