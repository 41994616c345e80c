/** Staff roles (docs/api.md#roles). No framework code here. */
export const USER_ROLES = ['admin', 'coordinator', 'clinician'] as const;
export type UserRole = (typeof USER_ROLES)[number];
