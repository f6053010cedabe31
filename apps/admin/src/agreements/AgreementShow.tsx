import { CardContent, Grid } from '@mui/material';
import { ReferenceArrayField, Show, useRecordContext } from 'react-admin';
import { BilingualPair } from '../common/Bilingual';
import { EnumText } from '../common/chips';
import { Detail } from '../common/Detail';
import { DateText } from '../common/fields';
import { RabtaShowActions } from '../common/ShowActions';

function Body() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <CardContent>
      <BilingualPair source="title" label="resources.agreements.fields.title" />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Detail label="resources.agreements.fields.kind">
            <EnumText name="agreement_kind" value={record.kind} />
          </Detail>
          <Detail label="resources.agreements.fields.status">
            <EnumText name="agreement_status" value={record.status} />
          </Detail>
          <Detail label="resources.agreements.fields.signedDate">
            <DateText value={record.signedDate} />
          </Detail>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Detail label="resources.agreements.fields.partyCountryCodes">
            <ReferenceArrayField source="partyCountryCodes" reference="countries" />
          </Detail>
          <Detail label="resources.agreements.fields.partyOrganizationIds">
            <ReferenceArrayField source="partyOrganizationIds" reference="organizations" />
          </Detail>
          <Detail label="resources.agreements.fields.signatoryIds">
            <ReferenceArrayField source="signatoryIds" reference="people" />
          </Detail>
          <Detail label="resources.agreements.fields.initiativeIds">
            <ReferenceArrayField source="initiativeIds" reference="initiatives" />
          </Detail>
        </Grid>
      </Grid>
      <BilingualPair source="signedPlace" label="resources.agreements.fields.signedPlace" />
      <BilingualPair source="summary" label="resources.agreements.fields.summary" multiline />
    </CardContent>
  );
}

export default function AgreementShow() {
  return (
    <Show actions={<RabtaShowActions />}>
      <Body />
    </Show>
  );
}
