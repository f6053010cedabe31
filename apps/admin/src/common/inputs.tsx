import { useMemo, type ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ChoicesContextProvider,
  ReferenceArrayInput,
  ReferenceInput,
  useChoicesContext,
  useGetIdentity,
  useRecordContext,
  type Validator,
} from 'react-admin';
import type { ReactElement } from 'react';
import { getCurrentLocale } from '../i18n';
import { CreateOrganizationDialog, CreatePersonDialog } from './CreateActorDialog';
import { makeFormatters } from '../i18n/format';
import { textOf } from './bilingual';
import { joinIsolated } from './bidi';

// Reference inputs used across forms: search on the server (`q`), labels in the current language.

const nameText = (r: Record<string, unknown>) => textOf(r, 'name', getCurrentLocale()) || String(r.id);
const titleText = (r: Record<string, unknown>) => textOf(r, 'title', getCurrentLocale()) || String(r.id);
const initiativeText = (r: Record<string, unknown>) => `${r.code} · ${titleText(r)}`;
const countryText = (r: Record<string, unknown>) => `${nameText(r)} (${r.id})`;
const sourceText = (r: Record<string, unknown>) => joinIsolated([r.publisher as string, r.title as string], ': ');
/** A meeting by its date and title ("10 Jul 2025 · Moscow talks"), the date in the user's language. */
export const meetingText = (r: Record<string, unknown>) =>
  [makeFormatters(getCurrentLocale()).date(r.startDate as string | undefined), titleText(r)]
    .filter(Boolean)
    .join(' · ');
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
  /**
   * A picker for writing (a form, not a list filter): an analyst whose scope is some sectors is offered only the
   * initiatives of those sectors, the ones they may link records to (the server refuses the others anyway).
   */
  writable?: boolean;
};

/** The initiatives filter of a picker for writing: the analyst's sectors, when they have a scope. */
function useWritableFilter(writable?: boolean): Record<string, unknown> | undefined {
  const { identity } = useGetIdentity();
  const scope = identity?.role === 'analyst' ? (identity.sectorIds as number[] | undefined) : undefined;
  return useMemo(() => (writable && scope?.length ? { sectorId: scope } : undefined), [writable, scope]);
}

/** The choices of the reference input around it, without the record being edited (a meeting never follows itself). */
export function ExceptThisRecord({ children }: { children: ReactNode }) {
  const choices = useChoicesContext();
  const record = useRecordContext();
  const value = useMemo(
    () =>
      record?.id === undefined
        ? choices
        : {
            ...choices,
            allChoices: choices.allChoices?.filter((c) => c.id !== record.id),
            availableChoices: choices.availableChoices?.filter((c) => c.id !== record.id),
          },
    [choices, record],
  );
  return <ChoicesContextProvider value={value as typeof choices}>{children}</ChoicesContextProvider>;
}

export function InitiativeInput({ source, label, validate, alwaysOn, helperText, disabled, writable }: RefProps) {
  const filter = useWritableFilter(writable);
  return (
    <ReferenceInput
      source={source}
      reference="initiatives"
      sort={{ field: 'code', order: 'ASC' }}
      alwaysOn={alwaysOn}
      filter={filter}
    >
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
}

export function InitiativesInput({ source, label, writable }: RefProps) {
  const filter = useWritableFilter(writable);
  return (
    <ReferenceArrayInput source={source} reference="initiatives" sort={{ field: 'code', order: 'ASC' }} filter={filter}>
      <AutocompleteArrayInput label={label} optionText={initiativeText} filterToQuery={q} />
    </ReferenceArrayInput>
  );
}

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
    <AutocompleteInput label={label} optionText={meetingText} filterToQuery={q} validate={validate} />
  </ReferenceInput>
);

export const AgreementInput = ({ source, label, validate }: RefProps) => (
  <ReferenceInput source={source} reference="agreements" sort={{ field: 'signedDate', order: 'DESC' }}>
    <AutocompleteInput label={label} optionText={titleText} filterToQuery={q} validate={validate} />
  </ReferenceInput>
);

/** Milestones; `writable`: of initiatives in the analyst's sectors only, as InitiativeInput. */
export function MilestoneInput({ source, label, filter, writable }: RefProps & { filter?: Record<string, unknown> }) {
  const scope = useWritableFilter(writable);
  const both = useMemo(() => (scope || filter ? { ...filter, ...scope } : undefined), [scope, filter]);
  return (
    <ReferenceInput source={source} reference="milestones" filter={both} sort={{ field: 'plannedDate', order: 'ASC' }}>
      <AutocompleteInput label={label} optionText={titleText} filterToQuery={q} />
    </ReferenceInput>
  );
}
