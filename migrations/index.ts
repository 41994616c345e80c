// Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new file
// here; add its class to this list (explicit imports keep ESM, Jest and tsc in step).
import { InitialSchema1795597613012 } from './1795597613012-InitialSchema.js';
import { NotificationsAndWebhooks1795598413777 } from './1795598413777-NotificationsAndWebhooks.js';
import { EncryptInquiryMessage1795601875122 } from './1795601875122-EncryptInquiryMessage.js';
import { PublishIntakeForms1795602030158 } from './1795602030158-PublishIntakeForms.js';
import { CouplesIntake1795602229744 } from './1795602229744-CouplesIntake.js';
import { StaffSide1795606395912 } from './1795606395912-StaffSide.js';
import { StoreScoringVersion1795607076720 } from './1795607076720-StoreScoringVersion.js';
import { StaffLinks1795607141942 } from './1795607141942-StaffLinks.js';
import { SealWebhookSecrets1795607348577 } from './1795607348577-SealWebhookSecrets.js';
import { LeadTriageSearch1795607373414 } from './1795607373414-LeadTriageSearch.js';
import { PracticeSettings1795607579028 } from './1795607579028-PracticeSettings.js';
import { PrivacyOperations1795608192825 } from './1795608192825-PrivacyOperations.js';
import { PublicSurfaceHardening1795609698857 } from './1795609698857-PublicSurfaceHardening.js';
import { NameWordSearch1795611716011 } from './1795611716011-NameWordSearch.js';
import { VisitorMailRules1795660000100 } from './1795660000100-VisitorMailRules.js';
import { FreshCredentials1795660000200 } from './1795660000200-FreshCredentials.js';
import { SignInSlowdownAndRecoveryCodes1795670000100 } from './1795670000100-SignInSlowdownAndRecoveryCodes.js';
import { StaffSessionUserAgent1795670000200 } from './1795670000200-StaffSessionUserAgent.js';
import { SealedValueBinding1795690000000 } from './1795690000000-SealedValueBinding.js';
import { LeadDeskNameSearch1795730000000 } from './1795730000000-LeadDeskNameSearch.js';
import { DeskClock1795810000000 } from './1795810000000-DeskClock.js';
import { FollowUpNotice1795820000000 } from './1795820000000-FollowUpNotice.js';
import { PartnerSearch1795820000100 } from './1795820000100-PartnerSearch.js';
import { LeadLiveSignals1795830000000 } from './1795830000000-LeadLiveSignals.js';
import { PracticeIdentity1795850000000 } from './1795850000000-PracticeIdentity.js';
import { ConsultationBooking1795860000000 } from './1795860000000-ConsultationBooking.js';
import { ConsentDocuments1795870000000 } from './1795870000000-ConsentDocuments.js';
import { IntakeDrafts1795880000000 } from './1795880000000-IntakeDrafts.js';
import { LeadLanguage1795890000000 } from './1795890000000-LeadLanguage.js';
import { LeadAttribution1795900000000 } from './1795900000000-LeadAttribution.js';
import { LeadSearchText1795910000000 } from './1795910000000-LeadSearchText.js';

export const MIGRATIONS = [
  InitialSchema1795597613012,
  NotificationsAndWebhooks1795598413777,
  EncryptInquiryMessage1795601875122,
  PublishIntakeForms1795602030158,
  CouplesIntake1795602229744,
  StaffSide1795606395912,
  StoreScoringVersion1795607076720,
  StaffLinks1795607141942,
  SealWebhookSecrets1795607348577,
  LeadTriageSearch1795607373414,
  PracticeSettings1795607579028,
  PrivacyOperations1795608192825,
  PublicSurfaceHardening1795609698857,
  NameWordSearch1795611716011,
  VisitorMailRules1795660000100,
  FreshCredentials1795660000200,
  SignInSlowdownAndRecoveryCodes1795670000100,
  StaffSessionUserAgent1795670000200,
  SealedValueBinding1795690000000,
  LeadDeskNameSearch1795730000000,
  DeskClock1795810000000,
  FollowUpNotice1795820000000,
  PartnerSearch1795820000100,
  LeadLiveSignals1795830000000,
  PracticeIdentity1795850000000,
  ConsultationBooking1795860000000,
  ConsentDocuments1795870000000,
  IntakeDrafts1795880000000,
  LeadLanguage1795890000000,
  LeadAttribution1795900000000,
  LeadSearchText1795910000000,
];
