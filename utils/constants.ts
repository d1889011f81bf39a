/**
 * Named limits and delays, each with the reason for its value.
 */

/** A count's noun must follow within this many words: "800 officers", "100 so-called bad apple officers". */
export const COUNT_NOUN_WINDOW_WORDS = 4;
/** Exact figures agree with the KB when within 0.5% (rounding in reporting, e.g. 43,000 vs 43,210). */
export const STAT_EXACT_TOLERANCE = 0.005;
/** "More than", "around" figures agree when within 10% of the sourced value. */
export const STAT_APPROXIMATE_TOLERANCE = 0.1;
/**
 * A count or sum more than this many times above or below every sourced value of a measure is
 * about something else: real changes in the measures the KB tracks stay well within it.
 */
export const STAT_MAGNITUDE_FACTOR = 5;
/** "against a national target of 90 per cent": how far back a target word still governs a figure. */
export const TARGET_WINDOW_WORDS = 3;

/** Distinct KB entities that make a page about the Met even without an explicit anchor phrase. */
export const RELEVANCE_MIN_ENTITIES = 3;
/**
 * Distinct KB entities that, with an anchor phrase, make a page about the Met without the word
 * "London": many reports say "the Metropolitan Police" and name its people but never the city
 * (Washington's force is already excluded by its own name, "Metropolitan Police Department").
 */
export const RELEVANCE_ANCHOR_ENTITIES = 2;
/**
 * Distinct entities of the Met's own story (its officers, its cases; not national figures or
 * bodies) that make a page about the Met even when it never names the force: a court report on
 * an officer's trial names him and his victims, not the force.
 */
export const RELEVANCE_STORY_ENTITIES = 2;

/**
 * After the browser starts, how long tabs on added sites are watched for a missing content
 * script (see utils/startup-catch-up.ts): restored tabs load in the first seconds, and an idle
 * service worker is stopped after 30 s anyway.
 */
export const STARTUP_CATCH_UP_MS = 20_000;
/** How long a just-loaded tab is left before it is checked, so a registration in force runs first. */
export const STARTUP_SETTLE_MS = 1_000;
/** How often loaded tabs are looked at again during the catch-up window. */
export const STARTUP_SWEEP_MS = 2_000;

/** Wait after the last page mutation before re-scanning, so bursts of changes cost one scan. */
export const MUTATION_DEBOUNCE_MS = 300;
/** A page that never stops changing (a ticking clock) still gets its new content scanned this often. */
export const MUTATION_MAX_WAIT_MS = 1000;
/** Rounds of the page removing our highlight elements before annotation stops on that page. */
export const PAGE_REMOVAL_LIMIT = 3;

/** Hover intent: a pointer resting this long on a mention opens its card (passing over does not). */
export const CARD_OPEN_DELAY_MS = 250;
/** Grace period to move the pointer from the mention into the card before it closes. */
export const CARD_CLOSE_DELAY_MS = 300;
/** Gap between a mention and its card, in CSS pixels. */
export const CARD_OFFSET_PX = 8;
/** Keeps the card clear of the viewport edges, in CSS pixels. */
export const CARD_VIEWPORT_PADDING_PX = 8;
/** Below this height the card scrolls inside rather than shrink further (about three lines and a heading). */
export const CARD_MIN_HEIGHT_PX = 120;
/** Entities remembered per page so re-opening a card draws at once; a long article names far fewer. */
export const CARD_ENTITY_CACHE_SIZE = 64;
/** Card width: a short read without hiding the article. */
export const CARD_MAX_WIDTH_PX = 360;

/** After flipping a switch, the page needs a moment to apply it before its summary is re-read. */
export const POPUP_REFRESH_DELAY_MS = 250;

/** Text matched per step: about 1 ms of work, so steps can be packed into short tasks. */
export const MATCH_SLICE_CHARS = 16_000;
/**
 * The first slice is small. The engine's code is cold on a new page: a first call that runs
 * to its end quickly lets the JavaScript engine see every path through it, so the optimised
 * code it makes during the long slices does not have to be thrown away at their ends (which
 * happened once per slice, and cost more than the matching itself).
 */
export const FIRST_SLICE_CHARS = 1_000;
/** Work done before yielding to the page: well under the 50 ms that makes a task "long". */
export const TASK_BUDGET_MS = 12;
/**
 * Wrapping done before a frame is let through. The frame then lays out what the pass added, plus
 * a cost of its own that grows with the size of the block being wrapped into (on the 1 MB page,
 * whose story is one block of thousands of paragraphs, 25-40 ms a frame): with 6 ms passes no
 * frame ran over 50 ms in most loads, with 12 ms passes two to four did. Fewer, larger passes
 * cost the page less in all (each frame pays that cost once) but make long tasks.
 */
export const WRAP_PASS_MS = 6;

/** How long a mention the popup jumped to stays marked: long enough to catch the eye after the scroll. */
export const FLASH_DURATION_MS = 1600;

/** Events the popup's timeline shows at most (the latest ones), so the picture stays readable in a 400-pixel popup. */
export const TIMELINE_MAX_EVENTS = 24;

/**
 * How long a page waits for the background's matches before matching on its own. A warm
 * background answers a typical article in a few milliseconds and a 1 MB page in well under a
 * second; a service worker stopped at the wrong moment may never answer.
 */
export const BACKGROUND_SILENCE_MS = 3_000;

/**
 * When the content script starts, on listed sites and on the reader's added ones alike: when
 * the document begins. It only reads the reader's settings then, while the page's HTML is still
 * arriving, and reads the article once the document is parsed. Started at document_end instead,
 * Chromium ran it only after the page's first layout and paint, 50-60 ms after
 * DOMContentLoaded on the typical article, and every highlight waited for that.
 */
export const CONTENT_SCRIPT_RUN_AT = 'document_start';
