// The page's own matcher, run in a page's content-script world only when the background cannot
// match: see utils/page/lazy-code.ts.
import { provideLazyCode } from '@/utils/page/lazy-code';
import { PageMatcher } from '@/utils/match/page-matcher';

export default defineUnlistedScript(() => provideLazyCode('matcher', { create: (index) => new PageMatcher(index) }));
