import { useCallback, useRef, useState } from 'react';

/**
 * The width of the element the returned ref is put on, followed as the window or the layout changes
 * (a ResizeObserver), starting from `initial` before the element is measured.
 */
export function useElementWidth(initial: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element) return;
      setWidth(element.clientWidth || initial);
      observer.current = new ResizeObserver(([entry]) => {
        // Whole pixels: sub-pixel changes would lay the flowchart out again for nothing.
        const next = Math.round(entry.contentRect.width);
        if (next > 0) setWidth((current) => (current === next ? current : next));
      });
      observer.current.observe(element);
    },
    [initial],
  );
  return [ref, width];
}
