/**
 * Light or dark card. A page that is dark (whatever the system says) gets a dark card; a page
 * that declares it follows the colour scheme gets the card matching what it shows; any other
 * page gets the reader's system setting.
 */
export type CardTheme = 'light' | 'dark';

/** Below this relative luminance a background reads as dark (mid-grey #777 is about 0.18). */
export const DARK_LUMINANCE = 0.2;

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour; undefined when transparent or unreadable. */
export function luminance(cssColour: string): number | undefined {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(cssColour);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export interface PageLook {
  /** Computed background colours of the body and the root element, nearest first. */
  backgrounds: string[];
  /** The root's computed `color-scheme` ("normal", "light dark", …). */
  colorScheme: string;
  systemDark: boolean;
}

export function chooseTheme({ backgrounds, colorScheme, systemDark }: PageLook): CardTheme {
  const lum = backgrounds.map(luminance).find((l) => l !== undefined);
  if (lum !== undefined && lum < DARK_LUMINANCE) return 'dark';
  if (lum !== undefined && /\bdark\b/.test(colorScheme)) return 'light'; // the page follows the scheme, and shows light
  return systemDark ? 'dark' : 'light';
}

/** Reads the page's look from the live document. */
export function readPageLook(doc: Document): PageLook {
  const view = doc.defaultView!;
  const style = (el: Element | null) => (el ? view.getComputedStyle(el) : null);
  const body = style(doc.body);
  const root = style(doc.documentElement);
  return {
    backgrounds: [body?.backgroundColor ?? '', root?.backgroundColor ?? ''],
    colorScheme: root?.colorScheme ?? 'normal',
    systemDark: view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  };
}
