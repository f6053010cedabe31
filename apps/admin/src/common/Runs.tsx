import { Fragment, type ReactNode } from 'react';
import { hasText } from './bidi';

/**
 * Runs of text side by side ("publisher · date · language"), each in <bdi> so that runs of either direction stay in
 * the order they are written (common/bidi.ts); empty runs are left out.
 */
export function Runs({ runs, separator = ' · ' }: { runs: ReactNode[]; separator?: ReactNode }) {
  const shown = runs.filter(hasText);
  return (
    <>
      {shown.map((run, i) => (
        <Fragment key={i}>
          {i > 0 && separator}
          <bdi>{run}</bdi>
        </Fragment>
      ))}
    </>
  );
}
