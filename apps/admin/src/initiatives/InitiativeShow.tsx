import { Alert, Card } from '@mui/material';
import { Show, TabbedShowLayout, useRecordContext, useTranslate } from 'react-admin';
import { InitiativeHeader } from './InitiativeHeader';
import { EvidenceTab } from './tabs/EvidenceTab';
import { HistoryTab } from './tabs/HistoryTab';
import { MilestonesTab } from './tabs/MilestonesTab';
import { OverviewTab } from './tabs/OverviewTab';
import { TimelineTab } from './tabs/TimelineTab';

function ArchivedNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.archivedAt) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('rabta.initiative.archived')}
    </Alert>
  );
}

/** The initiative page: header with chips and actions, then overview, milestones, timeline, evidence and history. */
export default function InitiativeShow() {
  return (
    <Show actions={false} component="div" emptyWhileLoading>
      <ArchivedNotice />
      <InitiativeHeader />
      <Card>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.overview">
            <div>
              <OverviewTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.milestones" path="milestones">
            <div>
              <MilestonesTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.timeline" path="timeline">
            <div>
              <TimelineTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.evidence" path="evidence">
            <div>
              <EvidenceTab />
            </div>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="rabta.initiative.tabs.history" path="history">
            <div>
              <HistoryTab />
            </div>
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </Card>
    </Show>
  );
}
