import { readFileSync } from 'node:fs';
import { extractArticle, pageDate } from './article';

describe(extractArticle.name, () => {
  it('should print', () => {
    console.log(extractArticle(readFileSync('/tmp/page.html', 'utf8')));
  });
});
