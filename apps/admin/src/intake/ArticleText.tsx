import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { MENTION_TYPES } from '@rabta/domain/values';
import type { Mention } from '@rabta/domain/schemas/intake';
import { FONT_LATIN, FONT_NASKH } from '../theme/theme';

// The article with every recognised mention highlighted by its type, and the quote of the proposal under the
// pointer outlined. Offsets are character offsets into the source's text; the text keeps its line breaks.

export const MENTION_COLORS: Record<(typeof MENTION_TYPES)[number], string> = {
  person: '#c6dbff',
  position: '#e2d4f7',
  organization: '#c8ece6',
  country: '#d4edc4',
  place: '#ffe0c2',
  sector: '#fff0a8',
  initiative: '#ffc9d4',
  forum: '#d0d4f7',
  date: '#e3e3e3',
};

const RTL_LANGUAGES = new Set(['ur', 'ar', 'fa']);

export function isRtl(language: string): boolean {
  return RTL_LANGUAGES.has(language);
}

interface Segment {
  start: number;
  end: number;
  mention: number | null;
  quoted: boolean;
}

/** Cuts the text at every mention and quote boundary; overlapping mentions keep the first (longest) one. */
export function segmentsOf(
  length: number,
  mentions: readonly Mention[],
  quote: { start: number; end: number } | null,
): Segment[] {
  const ordered = mentions
    .map((m, index) => ({ ...m, index }))
    .filter((m) => m.start >= 0 && m.end <= length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof ordered = [];
  for (const m of ordered) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  const cuts = new Set<number>([0, length]);
  for (const m of kept) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (quote) {
    cuts.add(Math.max(0, Math.min(length, quote.start)));
    cuts.add(Math.max(0, Math.min(length, quote.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const m = kept.find((k) => k.start <= start && k.end >= end);
    out.push({ start, end, mention: m ? m.index : null, quoted: !!quote && start >= quote.start && end <= quote.end });
  }
  return out;
}

/** The selected words of the article as offsets into its text (each rendered piece carries its start). */
function selectedSpan(): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const offsetOf = (node: Node, offset: number) => {
    const piece = (node.nodeType === 3 ? node.parentElement : (node as Element))?.closest('[data-start]');
    return piece ? Number(piece.getAttribute('data-start')) + (node.nodeType === 3 ? offset : 0) : null;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start || end - start > 200) return null;
  return { start, end };
}

export function MentionLegend() {
  const translate = useTranslate();
  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={1}
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      data-testid="mention-legend"
    >
      <Typography variant="caption" color="text.secondary">
        {translate('rabta.intake.legend')}:
      </Typography>
      {MENTION_TYPES.map((type) => (
        <Box
          key={type}
          component="span"
          sx={{ bgcolor: MENTION_COLORS[type], px: 0.75, borderRadius: 1, fontSize: 12, lineHeight: '20px' }}
        >
          {translate(`enums.mention_type.${type}`)}
        </Box>
      ))}
    </Stack>
  );
}

export function ArticleText({
  text,
  language,
  mentions,
  quote,
  onMention,
  onSelect,
}: {
  text: string;
  language: string;
  mentions: readonly Mention[];
  quote: { start: number; end: number } | null;
  /** Clicking a mention (to link it to a record); absent: read only. */
  onMention?: (index: number) => void;
  /** Words the analyst selects, as offsets into the text (to link them to a record). */
  onSelect?: (span: { start: number; end: number } | null) => void;
}) {
  const translate = useTranslate();
  const rtl = isRtl(language);
  return (
    <Box
      dir={rtl ? 'rtl' : 'ltr'}
      lang={language}
      data-testid="intake-article"
      onMouseUp={onSelect ? () => onSelect(selectedSpan()) : undefined}
      sx={{
        whiteSpace: 'pre-wrap',
        fontFamily: rtl ? `${FONT_NASKH}, ${FONT_LATIN}` : `${FONT_LATIN}, ${FONT_NASKH}`,
        fontSize: rtl ? 18 : 15,
        lineHeight: rtl ? 2.1 : 1.75,
        textAlign: 'start',
      }}
    >
      {segmentsOf(text.length, mentions, quote).map((s) => {
        const piece = text.slice(s.start, s.end);
        // The quoted passage reads as one band, underlined, whatever mentions it crosses.
        const quoted = s.quoted
          ? { bgcolor: 'rgba(11,85,99,0.13)', boxShadow: 'inset 0 -2px 0 #0b5563', borderRadius: 0 }
          : {};
        if (s.mention === null)
          return s.quoted ? (
            <Box component="span" key={s.start} sx={quoted} data-quoted="true" data-start={s.start}>
              {piece}
            </Box>
          ) : (
            <span key={s.start} data-start={s.start}>
              {piece}
            </span>
          );
        const m = mentions[s.mention];
        const label = translate(m.entity ? 'rabta.intake.mention_known' : 'rabta.intake.mention_unknown', {
          type: translate(`enums.mention_type.${m.type}`),
        });
        return (
          <Box
            component="mark"
            key={s.start}
            data-start={s.start}
            title={label}
            data-mention-type={m.type}
            data-known={m.entity ? 'true' : 'false'}
            data-quoted={s.quoted ? 'true' : undefined}
            onClick={onMention ? () => onMention(s.mention!) : undefined}
            sx={{
              bgcolor: MENTION_COLORS[m.type],
              color: 'inherit',
              borderRadius: '3px',
              px: '1px',
              cursor: onMention ? 'pointer' : 'default',
              borderBottom: m.entity ? 'none' : '2px dotted rgba(0,0,0,0.45)',
              ...quoted,
            }}
          >
            {piece}
          </Box>
        );
      })}
    </Box>
  );
}
