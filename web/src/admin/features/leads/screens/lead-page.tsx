import { useState } from 'react';
import { Link } from 'react-router';
import { isFullLead, type LeadDetail } from '../../../../api/types';
import type { ApiFailure } from '../../../lib/api';
import { queryClient } from '../../../lib/query';
import {
  ErrorNotice,
  Loading,
  OverdueBadge,
  PageFailure,
  PageHeading,
  StatusBadge,
  StatusMessage,
  UrgencyBadge,
} from '../../../components/ui';
import { hasRole, useSession } from '../../../session';
import { INTAKE_STATUS_NAMES, SERVICE_NAMES } from '../../../words';
import {
  changeLead,
  leadKeys,
  refreshLeads,
  useActiveClinicians,
  useLead,
  useMatches,
  type LeadChange,
} from '../api';
import { ActionBar } from '../components/action-bar';
import { Intake } from '../components/intake';
import { Contact, ContactAttempts, Inquiries, Tombstone } from '../components/lead-facts';
import { Duplicates, Erase } from '../components/merge-and-erase';
import { Notes, Timeline } from '../components/notes';
import { LeadBooking } from '../../consultations/components/lead-booking';
import { SignalBanners } from '../components/signal-banners';
import { Signatures } from '../components/signatures';
import { Assignment, Triage } from '../components/triage';
import { t, tRich } from '../../../i18n/t';

/** One lead: everything needed to triage it, and every change it allows. */
export function LeadPage({ leadId }: { leadId: string }) {
  const session = useSession();
  const { loaded, reload } = useLead(leadId);
  const [choosing, setChoosing] = useState(false);
  const [stale, setStale] = useState<ApiFailure | null>(null);
  const [changeFailure, setChangeFailure] = useState<ApiFailure | null>(null);
  const [changed, setChanged] = useState('');

  if (loaded.state === 'loading') return <Loading what={t('leads.page.loading')} />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading title={t('leads.page.lead')}>{t('leads.page.lead')}</PageHeading>
        <PageFailure failure={loaded.failure} what={t('leads.page.lead')} />
        <p>
          <Link to="/admin/leads">{t('leads.page.backToInbox')}</Link>
        </p>
      </>
    );
  }
  const lead = loaded.value;
  const etag = loaded.etag;

  /** PATCH with If-Match; a stale ETag (409/428) asks for a reload instead of overwriting. */
  const change = async (body: LeadChange, said: string): Promise<boolean> => {
    setChangeFailure(null);
    setStale(null);
    setChanged('');
    const result = await changeLead(lead.id, body, etag);
    if (result.kind === 'ok') {
      // The answer is the lead as it is now, with its new ETag: no second read.
      queryClient.setQueryData(leadKeys.one(leadId), { value: result.body, etag: result.etag });
      setChanged(said);
      // The inbox's lists and counts are read again when next shown.
      void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
      void queryClient.invalidateQueries({ queryKey: leadKeys.counts });
      return true;
    }
    if (result.kind === 'problem' && (result.status === 409 || result.status === 428))
      setStale(result);
    else setChangeFailure(result);
    return false;
  };
  const reloadLead = () => {
    setStale(null);
    setChanged('');
    reload();
  };

  if (!isFullLead(lead)) return <Tombstone lead={lead} />;
  const openMatches = () => {
    setChoosing(true);
    document.getElementById('assignment')?.scrollIntoView({ block: 'start' });
  };

  return (
    <div className="lead-page">
      <p className="breadcrumb">
        <Link to="/admin/leads">{t('leads.page.breadcrumb')}</Link>
      </p>
      <header className="lead-header">
        <PageHeading title={t('leads.page.documentTitle', { reference: lead.reference ?? '' })}>
          {lead.name}
        </PageHeading>
        <p className="reference" aria-label={t('leads.page.reference')}>
          {lead.reference}
        </p>
        <div className="badges">
          <UrgencyBadge urgency={lead.urgency} />
          {lead.overdue ? <OverdueBadge /> : null}
          <StatusBadge status={lead.status} />
          {lead.intakeStatus ? (
            <span className="badge">{INTAKE_STATUS_NAMES[lead.intakeStatus]}</span>
          ) : null}
          <span className="badge">{SERVICE_NAMES[lead.serviceType]}</span>
          {lead.labels.includes('possible_returning_client') ? (
            <span className="badge badge--warning">{t('leads.label.possibleReturningClient')}</span>
          ) : null}
        </div>
      </header>
      <SignalBanners lead={lead} />
      {lead.labels.includes('screen_partners_individually') ? (
        <div className="banner banner--warning" role="note">
          {tRich('leads.page.screenIndividually')}
        </div>
      ) : null}
      {lead.mergedIntoLeadId ? (
        <div className="banner" role="note">
          {tRich('leads.page.merged', {
            link: (chunks) => <Link to={`/admin/leads/${lead.mergedIntoLeadId}`}>{chunks}</Link>,
          })}
        </div>
      ) : null}

      <ActionBar
        lead={lead}
        change={change}
        mayAssign={hasRole(session, 'admin', 'coordinator')}
        onSaid={(said) => {
          setChanged(said);
          refreshLeads();
        }}
        onChangeAssignee={openMatches}
      />

      {stale ? (
        <div className="notice notice--error" role="alert">
          <p>
            {tRich('leads.page.stale', {
              detail: stale.kind === 'problem' ? (stale.problem.detail ?? '') : '',
            })}
          </p>
          <button type="button" className="button button--small" onClick={reloadLead}>
            {t('leads.page.reload')}
          </button>
        </div>
      ) : null}
      <ErrorNotice failure={changeFailure} />
      <StatusMessage>{changed}</StatusMessage>

      <div className="lead-columns">
        <div className="lead-columns__main">
          <Contact lead={lead} />
          <ContactAttempts lead={lead} />
          {lead.intakes.map((intake) => (
            <Intake key={intake.id} intake={intake} />
          ))}
          <Inquiries lead={lead} />
          <Signatures lead={lead} />
          <Notes lead={lead} onAdded={reload} />
          <NamedTimeline lead={lead} />
        </div>
        <aside className="lead-columns__side" aria-label={t('leads.page.triage')}>
          <Triage key={etag ?? ''} lead={lead} change={change} />
          <Assignment lead={lead} change={change} choosing={choosing} onChoosing={setChoosing} />
          <LeadBooking leadId={lead.id} />
          <Duplicates lead={lead} onMerged={reload} />
          <Erase lead={lead} onErased={reload} />
        </aside>
      </div>
    </div>
  );
}

/** The timeline with clinicians and staff named: from the matches, the clinicians, the notes. */
function NamedTimeline({ lead }: { lead: LeadDetail }) {
  const session = useSession();
  const { loaded } = useMatches(lead.id, lead.assignedClinician?.id ?? '');
  const clinicians = useActiveClinicians(!hasRole(session, 'clinician'));
  const names = new Map<string, string>();
  for (const clinician of clinicians) names.set(clinician.id, clinician.name);
  if (loaded.state === 'ready')
    for (const match of loaded.value.items) names.set(match.clinicianId, match.name);
  if (lead.assignedClinician) names.set(lead.assignedClinician.id, lead.assignedClinician.name);
  for (const note of lead.notes) names.set(note.author.id, note.author.name);
  for (const entry of lead.timeline) if (entry.actor) names.set(entry.actor.id, entry.actor.name);
  return <Timeline entries={lead.timeline} names={names} />;
}
