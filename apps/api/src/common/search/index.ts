export { MAX_SEARCH_WORDS, searchCondition, searchDocument, searchWords, type SearchPart } from './search.js';
