// Documents: the language switch in the header keeps the reader's place.
// Every passage has the same anchor in both languages, so the link carries
// the anchor of the passage at the top of the screen (or the one targeted).

function keepPlaceAcrossLanguages(): void {
  const text = document.querySelector('.doc-text');
  const switcher = document.querySelector<HTMLAnchorElement>('header.site a[hreflang]');
  if (!text || !switcher) return;
  const base = switcher.href.split('#')[0];
  const blocks = Array.from(text.querySelectorAll<HTMLElement>('.blk[id]'));
  // Reaching the header means scrolling back above the text: keep the last passage read then.
  let place: string | null = null;
  const set = (anchor: string | null) => {
    if (anchor) place = anchor;
    switcher.href = place ? `${base}#${place}` : base!;
  };
  const current = () => {
    // The passage the reader was sent to, while it is on screen (a short page cannot scroll it to the top).
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && blocks.includes(target)) {
      const r = target.getBoundingClientRect();
      if (r.bottom > 0 && r.top < window.innerHeight) return target.id;
    }
    let last: string | null = null;
    for (const b of blocks) {
      if (b.getBoundingClientRect().top > 80) break;
      last = b.id;
    }
    return last;
  };
  let pending = false;
  window.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        set(current());
      });
    },
    { passive: true },
  );
  window.addEventListener('hashchange', () => set(location.hash.slice(1) || current()));
  set(location.hash.slice(1) || current());
}

keepPlaceAcrossLanguages();
