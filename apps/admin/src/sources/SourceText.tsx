import { useMemo, useRef, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { useTranslate } from 'react-admin';
import { urduTextSx } from '../theme/theme';
import { passageOf, sentencesOf } from './sentences';

/**
 * A source's text, sentence by sentence, for citing: click a sentence to select it (shift-click another to take the
 * sentences between), or select any words with the mouse; "Cite" hands the passage on. Without `onCite` (a reader
 * who may not cite) it is plain text.
 */
export function SourceText({
  text,
  language,
  onCite,
}: {
  text: string;
  language?: string | null;
  onCite?: (quote: string) => void;
}) {
  const translate = useTranslate();
  const sentences = useMemo(() => sentencesOf(text), [text]);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [selected, setSelected] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const rtl = language === 'ur';

  const pick = (index: number, extend: boolean) => {
    const next: [number, number] = extend && range ? [range[0], index] : [index, index];
    setRange(next);
    setSelected(passageOf(text, sentences, next[0], next[1]));
  };
  // Words selected with the mouse win over clicked sentences.
  const onMouseUp = () => {
    const selection = window.getSelection();
    const words = selection && !selection.isCollapsed ? selection.toString().trim() : '';
    if (words && box.current?.contains(selection!.anchorNode) && box.current.contains(selection!.focusNode)) {
      setRange(null);
      setSelected(words);
    }
  };
  const [low, high] = range ? [Math.min(...range), Math.max(...range)] : [-1, -1];

  const pieces: React.ReactNode[] = [];
  let at = 0;
  sentences.forEach((s, i) => {
    if (s.start > at) pieces.push(text.slice(at, s.start));
    const on = i >= low && i <= high;
    pieces.push(
      <Box
        component="span"
        key={i}
        data-sentence={i}
        onClick={onCite ? (e: React.MouseEvent) => pick(i, e.shiftKey) : undefined}
        sx={{
          cursor: onCite ? 'pointer' : undefined,
          borderRadius: 0.5,
          bgcolor: on ? 'rgba(255, 213, 79, 0.55)' : undefined,
          '&:hover': onCite && !on ? { bgcolor: 'rgba(11, 85, 99, 0.08)' } : undefined,
        }}
      >
        {text.slice(s.start, s.end)}
      </Box>,
    );
    at = s.end;
  });
  if (at < text.length) pieces.push(text.slice(at));

  return (
    <Box>
      {onCite && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, minHeight: 36 }}>
          <Button
            variant="contained"
            size="small"
            startIcon={<FormatQuoteIcon />}
            disabled={!selected}
            onClick={() => onCite(selected)}
            data-testid="cite-selection"
          >
            {translate('rabta.cite.action')}
          </Button>
          <Typography
            variant="body2"
            color="text.secondary"
            component="bdi"
            dir="auto"
            noWrap
            sx={{ display: 'block', width: 0, minWidth: 0, flex: '1 1 0' }}
            data-testid="cite-selected"
          >
            {selected ? `“${selected}”` : translate('rabta.cite.help')}
          </Typography>
        </Stack>
      )}
      <Box
        ref={box}
        onMouseUp={onCite ? onMouseUp : undefined}
        lang={language && language !== 'other' ? language : undefined}
        dir={rtl ? 'rtl' : 'auto'}
        data-testid="source-text"
        sx={{
          maxHeight: 420,
          overflow: 'auto',
          p: 1.5,
          bgcolor: 'grey.50',
          borderRadius: 1,
          whiteSpace: 'pre-wrap',
          textAlign: 'start',
          typography: 'body2',
          ...(rtl ? { ...urduTextSx, lineHeight: 1.9 } : {}),
        }}
      >
        {pieces}
      </Box>
    </Box>
  );
}
