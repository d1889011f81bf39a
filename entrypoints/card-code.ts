// The card's drawing code, run in a page's content-script world on the first sign of intent:
// see utils/page/lazy-code.ts.
import { provideLazyCode } from '@/utils/page/lazy-code';
import { cardView } from '@/utils/card/view';

export default defineUnlistedScript(() => provideLazyCode('card', cardView));
