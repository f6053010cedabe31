import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Chip, Tooltip, Typography } from '@mui/material';
import { RecordContextProvider, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { representation } from './representation';
import { useFormatters } from '../i18n/format';

/** A calendar date or a moment, formatted for the current language (ur-PK or en-GB). */
export function DateText({ value, time }: { value?: string | null; time?: boolean }) {
  const fmt = useFormatters();
  const translate = useTranslate();
  if (!value) return <span>{translate('rabta.common.none')}</span>;
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {time ? fmt.dateTime(value) : fmt.date(value)}
    </time>
  );
}

export function LocalDateField({
  source,
  time,
}: {
  source: string;
  time?: boolean;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}) {
  const record = useRecordContext();
  return <DateText value={record?.[source] as string | null | undefined} time={time} />;
}

export function MoneyField({ source, currencySource }: { source: string; currencySource: string; label?: string }) {
  const record = useRecordContext();
  const fmt = useFormatters();
  if (record?.[source] == null) return null;
  return <>{fmt.money(record[source] as number, record[currencySource] as string | null)}</>;
}

/** Text of a language the record declares (sources), in its own direction. */
export function LanguageText({
  text,
  lang,
  multiline,
}: {
  text?: string | null;
  lang?: string | null;
  multiline?: boolean;
}) {
  if (!text) return null;
  const rtl = lang === 'ur';
  return (
    <Typography
      variant="body2"
      component="div"
      lang={lang && lang !== 'other' ? lang : undefined}
      dir={rtl ? 'rtl' : 'auto'}
      sx={{ whiteSpace: multiline ? 'pre-wrap' : undefined, textAlign: 'start', lineHeight: rtl ? 1.9 : undefined }}
    >
      {text}
    </Typography>
  );
}

/** "→" that points the reading direction (left in Urdu). */
export function DirArrow() {
  return (
    <ArrowForwardIcon
      fontSize="inherit"
      sx={(theme) => ({
        mx: 0.5,
        verticalAlign: 'middle',
        transform: theme.direction === 'rtl' ? 'scaleX(-1)' : 'none',
      })}
    />
  );
}

/** Country codes as compact chips, the name on hover (lists). */
export function CountryCodesField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const codes = (record?.[source] as string[] | undefined) ?? [];
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'nowrap' }} dir="ltr">
      {codes.map((c) => (
        <RecordContextProvider key={c} value={{ id: c }}>
          <ReferenceField
            source="id"
            reference="countries"
            link={false}
            render={({ referenceRecord }) => (
              <Tooltip title={referenceRecord ? representation.country(referenceRecord) : c}>
                <Chip size="small" variant="outlined" label={c} />
              </Tooltip>
            )}
          />
        </RecordContextProvider>
      ))}
    </span>
  );
}
