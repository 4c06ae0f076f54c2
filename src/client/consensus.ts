// Live decision pages: when a position or objection changes (server-sent
// events, ids only), fetch the page again and swap in the regions marked
// data-live-region, leaving alone any region the reader is working in.
// Without JavaScript the page is complete; it is simply not live.

function liveDecision(): void {
  // Only a decision page's stream address (the live room's data-live marks are places, not addresses).
  const root = document.querySelector<HTMLElement>('[data-live^="/"]');
  if (!root || typeof EventSource === 'undefined') return;
  const source = new EventSource(root.dataset.live!);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;

  const refresh = async () => {
    if (busy) return;
    busy = true;
    try {
      const res = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const fresh = new DOMParser().parseFromString(await res.text(), 'text/html');
      let changed = false;
      document.querySelectorAll<HTMLElement>('[data-live-region]').forEach((region) => {
        if (region.contains(document.activeElement)) return;
        const next = region.id ? fresh.getElementById(region.id) : null;
        if (next && next.innerHTML !== region.innerHTML) {
          region.innerHTML = next.innerHTML;
          changed = true;
        }
      });
      const status = document.getElementById('live-status');
      if (changed && status) status.textContent = status.dataset.message ?? '';
    } catch {
      // A failed refresh waits for the next change.
    } finally {
      busy = false;
    }
  };

  source.addEventListener('changed', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  });
  window.addEventListener('pagehide', () => source.close());
}

liveDecision();

export {};
