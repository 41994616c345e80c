/**
 * The values of the public forms (docs/api.md#send-an-inquiry) and the one door through which
 * the pages reach the service's pure vocabulary (`src/vocabulary/`). The labels people
 * read live in the page catalogue (`pages/i18n/`).
 */

/** The privacy notice the consent box refers to; sent as `consent.privacyNoticeVersion`. */
export const PRIVACY_NOTICE_VERSION = '2026-01';

/** US states, DC and the inhabited territories: the codes the API accepts. */
export const US_STATES = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'],
  ['CA', 'California'], ['CO', 'Colorado'], ['CT', 'Connecticut'], ['DE', 'Delaware'],
  ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'],
  ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'],
  ['KY', 'Kentucky'], ['LA', 'Louisiana'], ['ME', 'Maine'], ['MD', 'Maryland'],
  ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'],
  ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'],
  ['NH', 'New Hampshire'], ['NJ', 'New Jersey'], ['NM', 'New Mexico'], ['NY', 'New York'],
  ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'],
  ['SD', 'South Dakota'], ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'],
  ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'], ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'], ['WY', 'Wyoming'], ['AS', 'American Samoa'], ['GU', 'Guam'],
  ['MP', 'Northern Mariana Islands'], ['PR', 'Puerto Rico'], ['VI', 'U.S. Virgin Islands'],
] as const; // prettier-ignore

/** Forms a reach-out can continue with (GET /v1/intake-forms/:slug). */
export const INTAKE_FORM_FOR_SERVICE: Partial<Record<string, string>> = {
  individual: 'individual',
  couples: 'couples',
};

/** A reference as the API issues it (docs/api.md#conventions): RI- and 8 characters. */
export const REFERENCE_PATTERN = /^RI-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** The languages of the public pages, and the validation catalogue the server speaks too. */
export {
  isLanguage,
  LANGUAGES,
  pageLanguage,
  preferredLanguage,
  type Language,
} from '../../../src/vocabulary/languages';
export {
  VALIDATION_CODES,
  VALIDATION_MESSAGES,
  type ValidationCode,
  type ValidationParams,
  validationValues,
} from '../../../src/vocabulary/validation-codes';
