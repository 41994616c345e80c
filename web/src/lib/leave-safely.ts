/**
 * "Leave this site": a visitor who may be watched leaves at once for a neutral page, and
 * Back does not bring the form again. No framework code here: the public pages and the
 * embed share it.
 */

/** Where a page without SAFE_EXIT_URL goes (the server's default too). */
export const DEFAULT_SAFE_EXIT_URL = 'https://weather.com/';

/** Escape pressed twice within this long leaves. */
export const DOUBLE_ESCAPE_MS = 1000;

/** The embed script's stand-in, replaced by SAFE_EXIT_URL when the server serves it. */
const SERVED_SAFE_EXIT_URL = '__RI_SAFE_EXIT_URL__';

/** `candidate` when it is an http(s) address, else the default (never `javascript:`). */
export function safeExitTarget(candidate: string | null | undefined): string {
  if (!candidate) return DEFAULT_SAFE_EXIT_URL;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_SAFE_EXIT_URL;
  } catch {
    return DEFAULT_SAFE_EXIT_URL;
  }
}

/**
 * SAFE_EXIT_URL: from the page's `<meta name="safe-exit-url">` on our own pages, else
 * as written into the embed script by the server.
 */
export function safeExitUrl(doc: Document = document): string {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="safe-exit-url"]');
  return safeExitTarget(meta?.content ?? SERVED_SAFE_EXIT_URL);
}

/**
 * A watcher of Escape presses (by event time, in ms): true on the second press within
 * `withinMs` of the first; a third starts counting again.
 */
export function doubleEscape(withinMs = DOUBLE_ESCAPE_MS): (at: number) => boolean {
  let last: number | undefined;
  return (at) => {
    if (last !== undefined && at - last <= withinMs && at >= last) {
      last = undefined;
      return true;
    }
    last = at;
    return false;
  };
}

/**
 * Leaves now: the page is blanked at once, this origin's storage cleared (only on our own
 * pages, never a host site's), the current history entry replaced by a neutral one, and
 * the address replaced by `url`, so Back does not return to the form. Inside a frame the
 * top page leaves when the browser lets it (a click), else the frame itself.
 */
export function leaveNow(url: string, { ownPage }: { ownPage: boolean }, win: Window = window) {
  const doc = win.document;
  if (ownPage) {
    doc.documentElement.style.visibility = 'hidden';
    doc.title = '';
    for (const storage of ['sessionStorage', 'localStorage'] as const) {
      try {
        win[storage].clear();
      } catch {
        // Storage may be switched off; there is then nothing to clear.
      }
    }
    if (win.top === win) {
      try {
        win.history.replaceState(null, '', '/');
      } catch {
        // Not allowed here: location.replace below still replaces the entry.
      }
    }
  }
  if (win.top && win.top !== win) {
    try {
      win.top.location.replace(url);
      return;
    } catch {
      // The browser refused the framed page's navigation of its parent.
    }
  }
  win.location.replace(url);
}
