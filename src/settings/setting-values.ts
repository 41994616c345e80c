/**
 * The practice's adjustable settings and how a stored value, a default and a change
 * combine. No framework code here.
 */

/** Every adjustable setting, by the dotted name the admin API uses for its field. */
export const SETTING_NAMES = [
  'responseTargets.crisisMinutes',
  'responseTargets.highMinutes',
  'responseTargets.routineBusinessDays',
  'spamMinSeconds',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** The values in force: one number for every setting. */
export type SettingValues = Readonly<Record<SettingName, number>>;

/** What is stored: null means "the default from the environment". */
export type StoredSettings = Readonly<Record<SettingName, number | null>>;

/** A change: a number sets, null returns to the default, a missing name is left alone. */
export type SettingsChange = Partial<Record<SettingName, number | null>>;

export interface ValueChange {
  from: number;
  to: number;
}

export const NOTHING_STORED: StoredSettings = {
  'responseTargets.crisisMinutes': null,
  'responseTargets.highMinutes': null,
  'responseTargets.routineBusinessDays': null,
  spamMinSeconds: null,
};

/** The values in force: each stored value, else its default. */
export function effectiveSettings(stored: StoredSettings, defaults: SettingValues): SettingValues {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, stored[name] ?? defaults[name]]),
  ) as SettingValues;
}

/** What is stored once `change` is applied to `stored`. */
export function applyChange(stored: StoredSettings, change: SettingsChange): StoredSettings {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, change[name] === undefined ? stored[name] : change[name]]),
  ) as StoredSettings;
}

/** The settings whose value in force differs, with both values, in SETTING_NAMES order. */
export function changedValues(
  before: SettingValues,
  after: SettingValues,
): Partial<Record<SettingName, ValueChange>> {
  const changes: Partial<Record<SettingName, ValueChange>> = {};
  for (const name of SETTING_NAMES) {
    if (before[name] !== after[name]) changes[name] = { from: before[name], to: after[name] };
  }
  return changes;
}

/** Whether any response-time target differs: then deadlines of waiting leads move. */
export function targetsChanged(before: SettingValues, after: SettingValues): boolean {
  return SETTING_NAMES.some(
    (name) => name.startsWith('responseTargets.') && before[name] !== after[name],
  );
}

/**
 * Contradictions between values in force, named by the field a change should fix:
 * a crisis must never be given longer than a high-urgency lead.
 */
export function contradictions(
  values: SettingValues,
  change: SettingsChange,
): { field: SettingName; message: string }[] {
  const crisis = values['responseTargets.crisisMinutes'];
  const high = values['responseTargets.highMinutes'];
  const touched =
    change['responseTargets.crisisMinutes'] !== undefined ||
    change['responseTargets.highMinutes'] !== undefined;
  // Only a change to either is refused: defaults that disagree are the environment's to fix.
  if (crisis <= high || !touched) return [];
  const field =
    change['responseTargets.crisisMinutes'] !== undefined
      ? 'responseTargets.crisisMinutes'
      : 'responseTargets.highMinutes';
  return [
    {
      field,
      message:
        field === 'responseTargets.crisisMinutes'
          ? `must be at most highMinutes (${high})`
          : `must be at least crisisMinutes (${crisis})`,
    },
  ];
}
