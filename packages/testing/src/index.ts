/**
 * `@tokenframe/testing`: drive the sandbox from a merchant's CI (PRODUCT.md §9): the test
 * data, a headless `completeSession` through the widget API, and Playwright helpers that
 * fill the real widget by its labels.
 */
export { testData, type TestData } from './testData';
export {
  completeSession,
  CompleteSessionError,
  type CompletableDestination,
  type CompletedSession,
  type CompleteSessionOptions,
} from './completeSession';
export {
  completeInWidget,
  fillAccountForm,
  widgetFrame,
  type WidgetLocation,
  type WidgetOptions,
} from './playwright';
export { widgetLabels, type WidgetLabels } from './widgetLabels';
