import { buildSearchText } from './text';

// What each searchable record is found by. The API writes these into `search_text` (trigram-indexed) on every
// create and update; the query goes through the same normaliser.

type Maybe = string | null | undefined;

export const searchTextOf = {
  initiative: (r: { code?: Maybe; titleEn?: Maybe; titleUr?: Maybe; tags?: readonly string[] | null }) =>
    buildSearchText([r.code, r.titleEn, r.titleUr, ...(r.tags ?? [])]),
  person: (r: { nameEn?: Maybe; nameUr?: Maybe; nameRu?: Maybe; aliases?: readonly string[] | null }) =>
    buildSearchText([r.nameEn, r.nameUr, r.nameRu, ...(r.aliases ?? [])]),
  organization: (r: { nameEn?: Maybe; nameUr?: Maybe; nameRu?: Maybe; acronym?: Maybe }) =>
    buildSearchText([r.nameEn, r.nameUr, r.nameRu, r.acronym]),
  milestone: (r: { titleEn?: Maybe; titleUr?: Maybe }) => buildSearchText([r.titleEn, r.titleUr]),
  engagement: (r: { titleEn?: Maybe; titleUr?: Maybe; forumName?: Maybe; placeEn?: Maybe; placeUr?: Maybe }) =>
    buildSearchText([r.titleEn, r.titleUr, r.forumName, r.placeEn, r.placeUr]),
  agreement: (r: { titleEn?: Maybe; titleUr?: Maybe }) => buildSearchText([r.titleEn, r.titleUr]),
  source: (r: { title?: Maybe; publisher?: Maybe }) => buildSearchText([r.title, r.publisher]),
};
