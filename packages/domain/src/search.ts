import { buildSearchText } from './text';

// What each searchable record is found by. The API writes these into `search_text` (trigram-indexed) on every
// create and update — and again when a linked person's names change — folded by foldForSearch (text.ts); the query
// goes through the same folding.

type Maybe = string | null | undefined;

/** A person as the search texts of the records naming them read: every script and every other spelling. */
export interface NamedPerson {
  nameEn?: Maybe;
  nameUr?: Maybe;
  nameRu?: Maybe;
  aliases?: readonly string[] | null;
}

const namesOf = (people: readonly NamedPerson[] | undefined): Maybe[] =>
  (people ?? []).flatMap((p) => [p.nameEn, p.nameUr, p.nameRu, ...(p.aliases ?? [])]);

export const searchTextOf = {
  initiative: (r: { code?: Maybe; titleEn?: Maybe; titleUr?: Maybe; tags?: readonly string[] | null }) =>
    buildSearchText([r.code, r.titleEn, r.titleUr, ...(r.tags ?? [])]),
  person: (r: NamedPerson) => buildSearchText(namesOf([r])),
  organization: (r: { nameEn?: Maybe; nameUr?: Maybe; nameRu?: Maybe; acronym?: Maybe }) =>
    buildSearchText([r.nameEn, r.nameUr, r.nameRu, r.acronym]),
  milestone: (r: { titleEn?: Maybe; titleUr?: Maybe }) => buildSearchText([r.titleEn, r.titleUr]),
  /** Title, forum, place — and the participants' names in every script. */
  engagement: (r: {
    titleEn?: Maybe;
    titleUr?: Maybe;
    forumName?: Maybe;
    placeEn?: Maybe;
    placeUr?: Maybe;
    participants?: readonly NamedPerson[];
  }) => buildSearchText([r.titleEn, r.titleUr, r.forumName, r.placeEn, r.placeUr, ...namesOf(r.participants)]),
  /** Title — and the signatories' names in every script. */
  agreement: (r: { titleEn?: Maybe; titleUr?: Maybe; signatories?: readonly NamedPerson[] }) =>
    buildSearchText([r.titleEn, r.titleUr, ...namesOf(r.signatories)]),
  /** Title, publisher and the text. */
  source: (r: { title?: Maybe; publisher?: Maybe; text?: Maybe }) => buildSearchText([r.title, r.publisher, r.text]),
};
