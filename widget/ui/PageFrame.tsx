import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { EVENTS, type Page } from '../../protocol';
import { useWidget } from './WidgetContext';

/** Props of {@link PageFrame}. */
export interface PageFrameProps {
  page: Page;
  heading: string;
  /**
   * Move focus to the heading on mount. True on every page change after the first: the
   * first page must not pull focus into the iframe away from the merchant's page.
   */
  focusHeading?: boolean;
  children?: ComponentChildren;
}

/**
 * The shell of every page: emits PAGE_LOAD once when the page appears (PRODUCT.md §3) and
 * moves focus to its heading so screen readers announce the new page (WCAG 2.4.3).
 */
export function PageFrame({ page, heading, focusHeading = false, children }: PageFrameProps) {
  const { emit } = useWidget();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    emit({ event_name: EVENTS.PAGE_LOAD, page });
    if (focusHeading) headingRef.current?.focus();
    // Once per page: a re-render of the same page is not a page load.
  }, []);
  return (
    <section class="page" data-page={page} aria-labelledby={`heading-${page}`}>
      <h1 id={`heading-${page}`} class="page-heading" tabIndex={-1} ref={headingRef}>
        {heading}
      </h1>
      {children}
    </section>
  );
}
