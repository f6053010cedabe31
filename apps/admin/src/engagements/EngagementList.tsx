import { DataTable, ReferenceArrayField, SearchInput, SelectInput } from 'react-admin';
import { DateInput } from '../common/LocalDateInput';
import { BilingualText } from '../common/Bilingual';
import { choices } from '../common/choices';
import { EnumField } from '../common/chips';
import { LocalDateField } from '../common/fields';
import { InitiativeInput, PersonInput } from '../common/inputs';
import { RabtaList } from '../common/RabtaList';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="format" source="format" choices={choices.engagementFormat} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices.engagementStatus} />,
  <DateInput key="startDate_gte" source="startDate_gte" />,
  <DateInput key="startDate_lte" source="startDate_lte" />,
  <InitiativeInput key="initiativeId" source="initiativeId" />,
  <PersonInput key="personId" source="personId" />,
];

export default function EngagementList() {
  return (
    <RabtaList filters={filters} sort={{ field: 'startDate', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="startDate">
          <LocalDateField source="startDate" />
        </DataTable.Col>
        <DataTable.Col source="titleEn" label="resources.engagements.fields.title">
          <BilingualText source="title" />
        </DataTable.Col>
        <DataTable.Col source="format">
          <EnumField source="format" name="engagement_format" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="engagement_status" />
        </DataTable.Col>
        <DataTable.Col source="placeEn" label="resources.engagements.fields.place" disableSort>
          <BilingualText source="place" />
        </DataTable.Col>
        <DataTable.Col source="initiativeIds" disableSort>
          <ReferenceArrayField source="initiativeIds" reference="initiatives" />
        </DataTable.Col>
      </DataTable>
    </RabtaList>
  );
}
