// Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new file
// here; add its class to this list (explicit imports keep ESM, Jest and tsc in step).
import { InitialSchema1795597613012 } from './1795597613012-InitialSchema.js';
import { NotificationsAndWebhooks1795598413777 } from './1795598413777-NotificationsAndWebhooks.js';

import { EncryptInquiryMessage1795601875122 } from './1795601875122-EncryptInquiryMessage.js';
import { PublishIntakeForms1795602030158 } from './1795602030158-PublishIntakeForms.js';
import { CouplesIntake1795602229744 } from './1795602229744-CouplesIntake.js';
import { StaffSide1795606395912 } from './1795606395912-StaffSide.js';
import { LeadTriageSearch1795607373414 } from './1795607373414-LeadTriageSearch.js';

export const MIGRATIONS = [
  InitialSchema1795597613012,
  NotificationsAndWebhooks1795598413777,
  EncryptInquiryMessage1795601875122,
  PublishIntakeForms1795602030158,
  CouplesIntake1795602229744,
  StaffSide1795606395912,
  LeadTriageSearch1795607373414,
];
