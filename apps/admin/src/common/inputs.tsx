import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  useGetIdentity,
  type Validator,
} from 'react-admin';
import type { ReactElement } from 'react';
import { getCurrentLocale } from '../i18n';
import { CreateOrganizationDialog, CreatePersonDialog } from './CreateActorDialog';
import { textOf } from './bilingual';

// Reference inputs used across forms: search on the server (`q`), labels in the current language.

const nameText = (r: Record<string, unknown>) => textOf(r, 'name', getCurrentLocale()) || String(r.id);
const titleText = (r: Record<string, unknown>) => textOf(r, 'title', getCurrentLocale()) || String(r.id);
const initiativeText = (r: Record<string, unknown>) => `${r.code} · ${titleText(r)}`;
const countryText = (r: Record<string, unknown>) => `${nameText(r)} (${r.id})`;
const sourceText = (r: Record<string, unknown>) => `${r.publisher}: ${r.title}`;
const q = (search: string) => (search ? { q: search } : {});

type RefProps = {
  source: string;
  /** Offer to make a new one from what was typed (CreateActorDialog), the form kept as it is. */
  creatable?: boolean;
  label?: string;
  validate?: Validator | Validator[];
  alwaysOn?: boolean;
  helperText?: string | false;
  disabled?: boolean;
};

export const InitiativeInput = ({ source, label, validate, alwaysOn, helperText, disabled }: RefProps) => (
  <ReferenceInput source={source} reference="initiatives" sort={{ field: 'code', order: 'ASC' }} alwaysOn={alwaysOn}>
    <AutocompleteInput
      label={label}
      optionText={initiativeText}
      filterToQuery={q}
      validate={validate}
      helperText={helperText}
      disabled={disabled}
    />
  </ReferenceInput>
);

export const InitiativesInput = ({ source, label }: RefProps) => (
  <ReferenceArrayInput source={source} reference="initiatives" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteArrayInput label={label} optionText={initiativeText} filterToQuery={q} />
  </ReferenceArrayInput>
);

const creating = (creatable: boolean | undefined, dialog: ReactElement) =>
  creatable
    ? { create: dialog, createItemLabel: 'rabta.inline_create.create_item', createLabel: 'rabta.inline_create.hint' }
    : {};

export const PersonInput = ({ source, label, validate, alwaysOn, creatable }: RefProps) => (
  <ReferenceInput source={source} reference="people" sort={{ field: 'nameEn', order: 'ASC' }} alwaysOn={alwaysOn}>
    <AutocompleteInput
      label={label}
      optionText={nameText}
      filterToQuery={q}
      validate={validate}
      {...creating(creatable, <CreatePersonDialog />)}
    />
  </ReferenceInput>
);

export const PeopleInput = ({ source, label, creatable }: RefProps) => (
  <ReferenceArrayInput source={source} reference="people" sort={{ field: 'nameEn', order: 'ASC' }}>
    <AutocompleteArrayInput
      label={label}
      optionText={nameText}
      filterToQuery={q}
      {...creating(creatable, <CreatePersonDialog />)}
    />
  </ReferenceArrayInput>
);

export const OrganizationInput = ({ source, label, validate, creatable }: RefProps) => (
  <ReferenceInput source={source} reference="organizations" sort={{ field: 'nameEn', order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText={nameText}
      filterToQuery={q}
      validate={validate}
      {...creating(creatable, <CreateOrganizationDialog />)}
    />
  </ReferenceInput>
);

export const OrganizationsInput = ({ source, label, creatable }: RefProps) => (
  <ReferenceArrayInput source={source} reference="organizations" sort={{ field: 'nameEn', order: 'ASC' }}>
    <AutocompleteArrayInput
      label={label}
      optionText={nameText}
      filterToQuery={q}
      {...creating(creatable, <CreateOrganizationDialog />)}
    />
  </ReferenceArrayInput>
);

export const CountryInput = ({ source, label, validate, alwaysOn }: RefProps) => (
  <ReferenceInput
    source={source}
    reference="countries"
    sort={{ field: 'nameEn', order: 'ASC' }}
    perPage={300}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput label={label} optionText={countryText} validate={validate} />
  </ReferenceInput>
);

export const CountriesInput = ({ source, label, validate }: RefProps) => (
  <ReferenceArrayInput source={source} reference="countries" sort={{ field: 'nameEn', order: 'ASC' }} perPage={300}>
    <AutocompleteArrayInput label={label} optionText={countryText} validate={validate} />
  </ReferenceArrayInput>
);

export const SectorInput = ({ source, label, alwaysOn }: RefProps) => (
  <ReferenceInput
    source={source}
    reference="sectors"
    sort={{ field: 'nameEn', order: 'ASC' }}
    perPage={100}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput label={label} optionText={nameText} />
  </ReferenceInput>
);

/** Sectors; an analyst with a scope is offered only the sectors in it (the server checks anyway). */
export function SectorsInput({ source, label, validate, scoped }: RefProps & { scoped?: boolean }) {
  const { identity } = useGetIdentity();
  const scope = scoped && identity?.role === 'analyst' ? (identity.sectorIds as number[] | undefined) : undefined;
  return (
    <ReferenceArrayInput
      source={source}
      reference="sectors"
      sort={{ field: 'nameEn', order: 'ASC' }}
      perPage={100}
      filter={scope && scope.length > 0 ? { id: scope } : undefined}
    >
      <AutocompleteArrayInput label={label} optionText={nameText} validate={validate} />
    </ReferenceArrayInput>
  );
}

export const SourceInput = ({ source, label, validate }: RefProps) => (
  <ReferenceInput source={source} reference="sources" sort={{ field: 'publishedAt', order: 'DESC' }}>
    <AutocompleteInput label={label} optionText={sourceText} filterToQuery={q} validate={validate} />
  </ReferenceInput>
);

export const EngagementInput = ({ source, label, validate, alwaysOn }: RefProps) => (
  <ReferenceInput
    source={source}
    reference="engagements"
    sort={{ field: 'startDate', order: 'DESC' }}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput label={label} optionText={titleText} filterToQuery={q} validate={validate} />
  </ReferenceInput>
);

export const AgreementInput = ({ source, label, validate }: RefProps) => (
  <ReferenceInput source={source} reference="agreements" sort={{ field: 'signedDate', order: 'DESC' }}>
    <AutocompleteInput label={label} optionText={titleText} filterToQuery={q} validate={validate} />
  </ReferenceInput>
);

export const MilestoneInput = ({ source, label, filter }: RefProps & { filter?: Record<string, unknown> }) => (
  <ReferenceInput source={source} reference="milestones" filter={filter} sort={{ field: 'plannedDate', order: 'ASC' }}>
    <AutocompleteInput label={label} optionText={titleText} filterToQuery={q} />
  </ReferenceInput>
);
